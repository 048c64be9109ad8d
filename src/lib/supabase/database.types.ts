export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      class_sessions: {
        Row: {
          activity_slug: string | null
          campaign_slug: string | null
          closed_at: string | null
          closes_at: string
          created_at: string
          created_by: string | null
          grade_band: string | null
          id: string
          join_code: string
          kind: string
          max_ideas: number
          opens_at: string
          region: string
          school: string | null
          students_present: number | null
          teacher_id: string | null
        }
        Insert: {
          activity_slug?: string | null
          campaign_slug?: string | null
          closed_at?: string | null
          closes_at?: string
          created_at?: string
          created_by?: string | null
          grade_band?: string | null
          id?: string
          join_code: string
          kind?: string
          max_ideas?: number
          opens_at?: string
          region: string
          school?: string | null
          students_present?: number | null
          teacher_id?: string | null
        }
        Update: {
          activity_slug?: string | null
          campaign_slug?: string | null
          closed_at?: string | null
          closes_at?: string
          created_at?: string
          created_by?: string | null
          grade_band?: string | null
          id?: string
          join_code?: string
          kind?: string
          max_ideas?: number
          opens_at?: string
          region?: string
          school?: string | null
          students_present?: number | null
          teacher_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "class_sessions_region_fkey"
            columns: ["region"]
            referencedRelation: "public_regions"
            referencedColumns: ["slug"]
          },
          {
            foreignKeyName: "class_sessions_region_fkey"
            columns: ["region"]
            referencedRelation: "regions"
            referencedColumns: ["slug"]
          },
          {
            foreignKeyName: "class_sessions_teacher_id_fkey"
            columns: ["teacher_id"]
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      committee_members: {
        Row: {
          appointed_at: string
          appointed_by: string | null
          region: string
          role: string
          safeguarding_officer: boolean
          user_id: string
        }
        Insert: {
          appointed_at?: string
          appointed_by?: string | null
          region: string
          role?: string
          safeguarding_officer?: boolean
          user_id: string
        }
        Update: {
          appointed_at?: string
          appointed_by?: string | null
          region?: string
          role?: string
          safeguarding_officer?: boolean
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "committee_members_appointed_by_fkey"
            columns: ["appointed_by"]
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "committee_members_region_fkey"
            columns: ["region"]
            referencedRelation: "public_regions"
            referencedColumns: ["slug"]
          },
          {
            foreignKeyName: "committee_members_region_fkey"
            columns: ["region"]
            referencedRelation: "regions"
            referencedColumns: ["slug"]
          },
          {
            foreignKeyName: "committee_members_user_id_fkey"
            columns: ["user_id"]
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      coordinators: {
        Row: {
          appointed_at: string
          user_id: string
        }
        Insert: {
          appointed_at?: string
          user_id: string
        }
        Update: {
          appointed_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "coordinators_user_id_fkey"
            columns: ["user_id"]
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      idea_activity_links: {
        Row: {
          activity_id: string
          idea_id: string
          linked_at: string
          linked_by: string | null
          note: string | null
        }
        Insert: {
          activity_id: string
          idea_id: string
          linked_at?: string
          linked_by?: string | null
          note?: string | null
        }
        Update: {
          activity_id?: string
          idea_id?: string
          linked_at?: string
          linked_by?: string | null
          note?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "idea_activity_links_activity_id_fkey"
            columns: ["activity_id"]
            referencedRelation: "plan_activities"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "idea_activity_links_activity_id_fkey"
            columns: ["activity_id"]
            referencedRelation: "public_plan_activities"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "idea_activity_links_idea_id_fkey"
            columns: ["idea_id"]
            referencedRelation: "ideas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "idea_activity_links_idea_id_fkey"
            columns: ["idea_id"]
            referencedRelation: "public_adopted_ideas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "idea_activity_links_idea_id_fkey"
            columns: ["idea_id"]
            referencedRelation: "public_ideas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "idea_activity_links_linked_by_fkey"
            columns: ["linked_by"]
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      idea_questions: {
        Row: {
          answer: string | null
          answered_at: string | null
          answered_by: string | null
          asked_at: string
          id: string
          idea_id: string
          safeguarding_flag: boolean
          text: string
        }
        Insert: {
          answer?: string | null
          answered_at?: string | null
          answered_by?: string | null
          asked_at?: string
          id?: string
          idea_id: string
          safeguarding_flag?: boolean
          text: string
        }
        Update: {
          answer?: string | null
          answered_at?: string | null
          answered_by?: string | null
          asked_at?: string
          id?: string
          idea_id?: string
          safeguarding_flag?: boolean
          text?: string
        }
        Relationships: [
          {
            foreignKeyName: "idea_questions_answered_by_fkey"
            columns: ["answered_by"]
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "idea_questions_idea_id_fkey"
            columns: ["idea_id"]
            referencedRelation: "ideas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "idea_questions_idea_id_fkey"
            columns: ["idea_id"]
            referencedRelation: "public_adopted_ideas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "idea_questions_idea_id_fkey"
            columns: ["idea_id"]
            referencedRelation: "public_ideas"
            referencedColumns: ["id"]
          },
        ]
      }
      ideas: {
        Row: {
          age_band: string | null
          can_do: string | null
          created_at: string
          created_month: string
          escalated_at: string | null
          escalation_informed: string | null
          feedback_en: string | null
          feedback_sq: string | null
          flag_details: NonNullable<Json>
          id: string
          idempotency_key: string
          locale: string
          moderated_at: string | null
          moderated_by: string | null
          original_purged_at: string | null
          personal_data_flag: boolean
          public_text: string | null
          publish_consent: boolean
          published_at: string | null
          read_at: string | null
          receipt_hash: string
          region: string
          reject_reason: string | null
          safeguarding_flag: boolean
          session_id: string
          status: string
          text: string | null
          theme: string
          transcribed: boolean
        }
        Insert: {
          age_band?: string | null
          can_do?: string | null
          created_at?: string
          created_month?: never
          escalated_at?: string | null
          escalation_informed?: string | null
          feedback_en?: string | null
          feedback_sq?: string | null
          flag_details?: NonNullable<Json>
          id?: string
          idempotency_key: string
          locale?: string
          moderated_at?: string | null
          moderated_by?: string | null
          original_purged_at?: string | null
          personal_data_flag?: boolean
          public_text?: string | null
          publish_consent: boolean
          published_at?: string | null
          read_at?: string | null
          receipt_hash: string
          region: string
          reject_reason?: string | null
          safeguarding_flag?: boolean
          session_id: string
          status?: string
          text?: string | null
          theme: string
          transcribed?: boolean
        }
        Update: {
          age_band?: string | null
          can_do?: string | null
          created_at?: string
          created_month?: never
          escalated_at?: string | null
          escalation_informed?: string | null
          feedback_en?: string | null
          feedback_sq?: string | null
          flag_details?: NonNullable<Json>
          id?: string
          idempotency_key?: string
          locale?: string
          moderated_at?: string | null
          moderated_by?: string | null
          original_purged_at?: string | null
          personal_data_flag?: boolean
          public_text?: string | null
          publish_consent?: boolean
          published_at?: string | null
          read_at?: string | null
          receipt_hash?: string
          region?: string
          reject_reason?: string | null
          safeguarding_flag?: boolean
          session_id?: string
          status?: string
          text?: string | null
          theme?: string
          transcribed?: boolean
        }
        Relationships: [
          {
            foreignKeyName: "ideas_moderated_by_fkey"
            columns: ["moderated_by"]
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "ideas_region_fkey"
            columns: ["region"]
            referencedRelation: "public_regions"
            referencedColumns: ["slug"]
          },
          {
            foreignKeyName: "ideas_region_fkey"
            columns: ["region"]
            referencedRelation: "regions"
            referencedColumns: ["slug"]
          },
          {
            foreignKeyName: "ideas_session_id_fkey"
            columns: ["session_id"]
            referencedRelation: "class_sessions"
            referencedColumns: ["id"]
          },
        ]
      }
      moderation_log: {
        Row: {
          action: string
          actor: string | null
          after: Json | null
          at: string
          before: Json | null
          id: number
          idea_id: string | null
          region: string | null
        }
        Insert: {
          action: string
          actor?: string | null
          after?: Json | null
          at?: string
          before?: Json | null
          id?: never
          idea_id?: string | null
          region?: string | null
        }
        Update: {
          action?: string
          actor?: string | null
          after?: Json | null
          at?: string
          before?: Json | null
          id?: never
          idea_id?: string | null
          region?: string | null
        }
        Relationships: []
      }
      pillars: {
        Row: {
          name_en: string
          name_sq: string
          position: number
          slug: string
        }
        Insert: {
          name_en: string
          name_sq: string
          position: number
          slug: string
        }
        Update: {
          name_en?: string
          name_sq?: string
          position?: number
          slug?: string
        }
        Relationships: []
      }
      plan_activities: {
        Row: {
          description: string | null
          id: string
          indicator: string | null
          objective_id: string
          partners: string[]
          position: number
          progress: number
          responsible_institution: string
          status: string
          target: string | null
          timeline_end: string | null
          timeline_start: string | null
          title: string
          updated_at: string
        }
        Insert: {
          description?: string | null
          id?: string
          indicator?: string | null
          objective_id: string
          partners?: string[]
          position?: number
          progress?: number
          responsible_institution: string
          status?: string
          target?: string | null
          timeline_end?: string | null
          timeline_start?: string | null
          title: string
          updated_at?: string
        }
        Update: {
          description?: string | null
          id?: string
          indicator?: string | null
          objective_id?: string
          partners?: string[]
          position?: number
          progress?: number
          responsible_institution?: string
          status?: string
          target?: string | null
          timeline_end?: string | null
          timeline_start?: string | null
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "plan_activities_objective_id_fkey"
            columns: ["objective_id"]
            referencedRelation: "plan_objectives"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "plan_activities_objective_id_fkey"
            columns: ["objective_id"]
            referencedRelation: "public_plan_activities"
            referencedColumns: ["objective_id"]
          },
        ]
      }
      plan_objectives: {
        Row: {
          archived_at: string | null
          code: string
          id: string
          pillar: string
          plan_id: string
          position: number
          title_en: string | null
          title_sq: string
        }
        Insert: {
          archived_at?: string | null
          code: string
          id?: string
          pillar: string
          plan_id: string
          position?: number
          title_en?: string | null
          title_sq: string
        }
        Update: {
          archived_at?: string | null
          code?: string
          id?: string
          pillar?: string
          plan_id?: string
          position?: number
          title_en?: string | null
          title_sq?: string
        }
        Relationships: [
          {
            foreignKeyName: "plan_objectives_pillar_fkey"
            columns: ["pillar"]
            referencedRelation: "pillars"
            referencedColumns: ["slug"]
          },
          {
            foreignKeyName: "plan_objectives_plan_id_fkey"
            columns: ["plan_id"]
            referencedRelation: "plans"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "plan_objectives_plan_id_fkey"
            columns: ["plan_id"]
            referencedRelation: "public_plan_activities"
            referencedColumns: ["plan_id"]
          },
        ]
      }
      plans: {
        Row: {
          created_at: string
          id: string
          is_demo: boolean
          period_end: string
          period_start: string
          region: string
          title: string
        }
        Insert: {
          created_at?: string
          id?: string
          is_demo?: boolean
          period_end: string
          period_start: string
          region: string
          title: string
        }
        Update: {
          created_at?: string
          id?: string
          is_demo?: boolean
          period_end?: string
          period_start?: string
          region?: string
          title?: string
        }
        Relationships: [
          {
            foreignKeyName: "plans_region_fkey"
            columns: ["region"]
            referencedRelation: "public_regions"
            referencedColumns: ["slug"]
          },
          {
            foreignKeyName: "plans_region_fkey"
            columns: ["region"]
            referencedRelation: "regions"
            referencedColumns: ["slug"]
          },
        ]
      }
      profiles: {
        Row: {
          created_at: string
          display_name: string
          id: string
          region: string | null
          school: string | null
        }
        Insert: {
          created_at?: string
          display_name: string
          id: string
          region?: string | null
          school?: string | null
        }
        Update: {
          created_at?: string
          display_name?: string
          id?: string
          region?: string | null
          school?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "profiles_region_fkey"
            columns: ["region"]
            referencedRelation: "public_regions"
            referencedColumns: ["slug"]
          },
          {
            foreignKeyName: "profiles_region_fkey"
            columns: ["region"]
            referencedRelation: "regions"
            referencedColumns: ["slug"]
          },
        ]
      }
      public_holidays: {
        Row: {
          day: string
          name_en: string
          name_sq: string
        }
        Insert: {
          day: string
          name_en: string
          name_sq: string
        }
        Update: {
          day?: string
          name_en?: string
          name_sq?: string
        }
        Relationships: []
      }
      referrals: {
        Row: {
          action: string
          id: string
          idea_id: string | null
          idea_withdrawn_at: string | null
          reason: string | null
          referred_at: string
          referred_by: string | null
          region: string
          school: string | null
        }
        Insert: {
          action: string
          id?: string
          idea_id?: string | null
          idea_withdrawn_at?: string | null
          reason?: string | null
          referred_at?: string
          referred_by?: string | null
          region: string
          school?: string | null
        }
        Update: {
          action?: string
          id?: string
          idea_id?: string | null
          idea_withdrawn_at?: string | null
          reason?: string | null
          referred_at?: string
          referred_by?: string | null
          region?: string
          school?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "referrals_idea_id_fkey"
            columns: ["idea_id"]
            referencedRelation: "ideas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referrals_idea_id_fkey"
            columns: ["idea_id"]
            referencedRelation: "public_adopted_ideas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referrals_idea_id_fkey"
            columns: ["idea_id"]
            referencedRelation: "public_ideas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referrals_referred_by_fkey"
            columns: ["referred_by"]
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referrals_region_fkey"
            columns: ["region"]
            referencedRelation: "public_regions"
            referencedColumns: ["slug"]
          },
          {
            foreignKeyName: "referrals_region_fkey"
            columns: ["region"]
            referencedRelation: "regions"
            referencedColumns: ["slug"]
          },
        ]
      }
      regions: {
        Row: {
          name_en: string
          name_sq: string
          pilot: boolean
          slug: string
        }
        Insert: {
          name_en: string
          name_sq: string
          pilot?: boolean
          slug: string
        }
        Update: {
          name_en?: string
          name_sq?: string
          pilot?: boolean
          slug?: string
        }
        Relationships: []
      }
      safeguarding_clearances: {
        Row: {
          at: string
          id: number
          idea_id: string
          officer_id: string | null
          reason: string
          region: string
        }
        Insert: {
          at?: string
          id?: never
          idea_id: string
          officer_id?: string | null
          reason: string
          region: string
        }
        Update: {
          at?: string
          id?: never
          idea_id?: string
          officer_id?: string | null
          reason?: string
          region?: string
        }
        Relationships: [
          {
            foreignKeyName: "safeguarding_clearances_idea_id_fkey"
            columns: ["idea_id"]
            referencedRelation: "ideas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "safeguarding_clearances_idea_id_fkey"
            columns: ["idea_id"]
            referencedRelation: "public_adopted_ideas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "safeguarding_clearances_idea_id_fkey"
            columns: ["idea_id"]
            referencedRelation: "public_ideas"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "safeguarding_clearances_officer_id_fkey"
            columns: ["officer_id"]
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "safeguarding_clearances_region_fkey"
            columns: ["region"]
            referencedRelation: "public_regions"
            referencedColumns: ["slug"]
          },
          {
            foreignKeyName: "safeguarding_clearances_region_fkey"
            columns: ["region"]
            referencedRelation: "regions"
            referencedColumns: ["slug"]
          },
        ]
      }
      settings: {
        Row: {
          description: string | null
          key: string
          updated_at: string
          updated_by: string | null
          value: NonNullable<Json>
        }
        Insert: {
          description?: string | null
          key: string
          updated_at?: string
          updated_by?: string | null
          value: NonNullable<Json>
        }
        Update: {
          description?: string | null
          key?: string
          updated_at?: string
          updated_by?: string | null
          value?: NonNullable<Json>
        }
        Relationships: []
      }
      teachers: {
        Row: {
          approved_at: string | null
          approved_by: string | null
          created_at: string
          region: string
          school: string
          user_id: string
        }
        Insert: {
          approved_at?: string | null
          approved_by?: string | null
          created_at?: string
          region: string
          school: string
          user_id: string
        }
        Update: {
          approved_at?: string | null
          approved_by?: string | null
          created_at?: string
          region?: string
          school?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "teachers_approved_by_fkey"
            columns: ["approved_by"]
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "teachers_region_fkey"
            columns: ["region"]
            referencedRelation: "public_regions"
            referencedColumns: ["slug"]
          },
          {
            foreignKeyName: "teachers_region_fkey"
            columns: ["region"]
            referencedRelation: "regions"
            referencedColumns: ["slug"]
          },
          {
            foreignKeyName: "teachers_user_id_fkey"
            columns: ["user_id"]
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      public_activity_statistics: {
        Row: {
          ideas: number | null
          key: string | null
          kind: string | null
          scope: string | null
          sessions_run: number | null
          sessions_with_count: number | null
          students_present: number | null
        }
        Relationships: []
      }
      public_adopted_ideas: {
        Row: {
          activity_id: string | null
          feedback_en: string | null
          feedback_sq: string | null
          id: string | null
          month: string | null
          note: string | null
          public_text: string | null
          region: string | null
          theme: string | null
        }
        Relationships: [
          {
            foreignKeyName: "idea_activity_links_activity_id_fkey"
            columns: ["activity_id"]
            referencedRelation: "plan_activities"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "idea_activity_links_activity_id_fkey"
            columns: ["activity_id"]
            referencedRelation: "public_plan_activities"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "ideas_region_fkey"
            columns: ["region"]
            referencedRelation: "public_regions"
            referencedColumns: ["slug"]
          },
          {
            foreignKeyName: "ideas_region_fkey"
            columns: ["region"]
            referencedRelation: "regions"
            referencedColumns: ["slug"]
          },
        ]
      }
      public_idea_statistics: {
        Row: {
          adopted: number | null
          key: string | null
          kind: string | null
          median_days: number | null
          published: number | null
          scope: string | null
          submitted: number | null
        }
        Relationships: []
      }
      public_ideas: {
        Row: {
          activities: Json | null
          id: string | null
          month: string | null
          public_text: string | null
          region: string | null
          status: string | null
          theme: string | null
        }
        Insert: {
          activities?: never
          id?: string | null
          month?: string | null
          public_text?: string | null
          region?: string | null
          status?: string | null
          theme?: string | null
        }
        Update: {
          activities?: never
          id?: string | null
          month?: string | null
          public_text?: string | null
          region?: string | null
          status?: string | null
          theme?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "ideas_region_fkey"
            columns: ["region"]
            referencedRelation: "public_regions"
            referencedColumns: ["slug"]
          },
          {
            foreignKeyName: "ideas_region_fkey"
            columns: ["region"]
            referencedRelation: "regions"
            referencedColumns: ["slug"]
          },
        ]
      }
      public_open_calls: {
        Row: {
          closes_at: string | null
          join_code: string | null
          opens_at: string | null
          region: string | null
        }
        Insert: {
          closes_at?: string | null
          join_code?: string | null
          opens_at?: string | null
          region?: string | null
        }
        Update: {
          closes_at?: string | null
          join_code?: string | null
          opens_at?: string | null
          region?: string | null
        }
        Relationships: []
      }
      public_plan_activities: {
        Row: {
          description: string | null
          id: string | null
          indicator: string | null
          is_demo: boolean | null
          objective_code: string | null
          objective_id: string | null
          objective_position: number | null
          objective_title_en: string | null
          objective_title_sq: string | null
          partners: string[] | null
          period_end: string | null
          period_start: string | null
          pillar: string | null
          plan_id: string | null
          plan_title: string | null
          position: number | null
          progress: number | null
          public_idea_count: number | null
          region: string | null
          responsible_institution: string | null
          status: string | null
          target: string | null
          timeline_end: string | null
          timeline_start: string | null
          title: string | null
        }
        Relationships: [
          {
            foreignKeyName: "plan_objectives_pillar_fkey"
            columns: ["pillar"]
            referencedRelation: "pillars"
            referencedColumns: ["slug"]
          },
          {
            foreignKeyName: "plans_region_fkey"
            columns: ["region"]
            referencedRelation: "public_regions"
            referencedColumns: ["slug"]
          },
          {
            foreignKeyName: "plans_region_fkey"
            columns: ["region"]
            referencedRelation: "regions"
            referencedColumns: ["slug"]
          },
        ]
      }
      public_regions: {
        Row: {
          name_en: string | null
          name_sq: string | null
          pilot: boolean | null
          slug: string | null
        }
        Insert: {
          name_en?: string | null
          name_sq?: string | null
          pilot?: boolean | null
          slug?: string | null
        }
        Update: {
          name_en?: string | null
          name_sq?: string | null
          pilot?: boolean | null
          slug?: string | null
        }
        Relationships: []
      }
      teacher_session_counts: {
        Row: {
          activity_slug: string | null
          adopted: number | null
          approved: number | null
          closed_at: string | null
          closes_at: string | null
          grade_band: string | null
          join_code: string | null
          max_ideas: number | null
          opens_at: string | null
          pending: number | null
          region: string | null
          rejected: number | null
          school: string | null
          session_id: string | null
          total: number | null
        }
        Relationships: []
      }
      teacher_session_ideas: {
        Row: {
          id: string | null
          public_text: string | null
          session_id: string | null
          status: string | null
          theme: string | null
        }
        Relationships: []
      }
    }
    Functions: {
      admin_overview: { Args: Record<PropertyKey, never>; Returns: Json }
      adopt_idea: {
        Args: {
          p_activity_ids: string[]
          p_feedback_en?: string
          p_feedback_sq?: string
          p_idea_id: string
          p_note?: string
        }
        Returns: Json
      }
      answer_question: {
        Args: { p_answer: string; p_question_id: string }
        Returns: Json
      }
      appoint_moderator: {
        Args: { p_region: string; p_user_id: string }
        Returns: Json
      }
      approve_idea: {
        Args: {
          p_feedback_en?: string
          p_feedback_sq?: string
          p_idea_id: string
          p_masks?: Json
        }
        Returns: Json
      }
      approve_teacher: { Args: { p_user_id: string }; Returns: Json }
      archive_plan_activity: { Args: { p_id: string }; Returns: Json }
      archive_plan_objective: { Args: { p_id: string }; Returns: Json }
      ask_about_idea: {
        Args: { p_receipt_code: string; p_text: string }
        Returns: Json
      }
      break_glass_flagged_idea: {
        Args: { p_idea_id: string; p_reason: string }
        Returns: Json
      }
      clear_safeguarding_flag: {
        Args: { p_idea_id: string; p_reason: string }
        Returns: Json
      }
      close_session: { Args: { p_session_id: string }; Returns: Json }
      committee_dashboard: { Args: { p_region?: string }; Returns: Json }
      committee_plan: { Args: { p_region?: string }; Returns: Json }
      escalate_idea: {
        Args: { p_action: string; p_idea_id: string; p_reason?: string }
        Returns: Json
      }
      export_region_ideas: {
        Args: { p_after?: string; p_limit?: number; p_region?: string }
        Returns: Json
      }
      export_region_plan: { Args: { p_region?: string }; Returns: Json }
      extend_session: {
        Args: { p_minutes: number; p_session_id: string }
        Returns: Json
      }
      find_users: { Args: { p_query: string }; Returns: Json }
      idea_status: { Args: { p_receipt_code: string }; Returns: Json }
      join_session: { Args: { p_code: string }; Returns: Json }
      link_idea_to_activity: {
        Args: {
          p_activity_id: string
          p_feedback_en?: string
          p_feedback_sq?: string
          p_idea_id: string
          p_note?: string
        }
        Returns: Json
      }
      mark_idea_read: { Args: { p_idea_id: string }; Returns: Json }
      moderation_log_entries: {
        Args: {
          p_action?: string
          p_from?: string
          p_limit?: number
          p_offset?: number
          p_region?: string
          p_to?: string
        }
        Returns: Json
      }
      moderation_queue: {
        Args: {
          p_flag?: string
          p_limit?: number
          p_offset?: number
          p_region?: string
          p_school?: string
          p_session_id?: string
          p_status?: string
          p_theme?: string
        }
        Returns: Json
      }
      open_call: {
        Args: {
          p_closes_at: string
          p_max_ideas?: number
          p_opens_at: string
          p_region: string
        }
        Returns: Json
      }
      purge_expired_ideas: { Args: Record<PropertyKey, never>; Returns: Json }
      region_statistics: {
        Args: { p_region?: string }
        Returns: {
          ideas: number
          month: string
          region: string
          status: string
          theme: string
        }[]
      }
      reject_idea: {
        Args: {
          p_feedback_en?: string
          p_feedback_sq?: string
          p_idea_id: string
          p_reason: string
        }
        Returns: Json
      }
      reject_ideas: {
        Args: {
          p_feedback_en?: string
          p_feedback_sq?: string
          p_idea_ids: string[]
          p_reason: string
        }
        Returns: Json
      }
      reject_with_feedback: {
        Args: {
          p_feedback_en?: string
          p_feedback_sq?: string
          p_idea_id: string
          p_reason: string
        }
        Returns: Json
      }
      remove_moderator: { Args: { p_user_id: string }; Returns: Json }
      remove_teacher: { Args: { p_user_id: string }; Returns: Json }
      reorder_plan_activities: {
        Args: { p_ids: string[]; p_objective_id: string }
        Returns: Json
      }
      reorder_plan_objectives: {
        Args: { p_ids: string[]; p_plan_id: string }
        Returns: Json
      }
      reply_to_question: {
        Args: { p_answer: string; p_question_id: string }
        Returns: Json
      }
      save_plan_activity: {
        Args: {
          p_description?: string
          p_id?: string
          p_indicator?: string
          p_institution_other?: string
          p_objective_id: string
          p_partners?: string[]
          p_progress?: number
          p_responsible_institution: string
          p_status?: string
          p_target?: string
          p_timeline_end: string
          p_timeline_start: string
          p_title: string
        }
        Returns: Json
      }
      save_plan_objective: {
        Args: {
          p_code: string
          p_id?: string
          p_pillar: string
          p_plan_id: string
          p_title_en?: string
          p_title_sq: string
        }
        Returns: Json
      }
      set_safeguarding_officer: {
        Args: { p_officer: boolean; p_user_id: string }
        Returns: Json
      }
      similar_ideas: {
        Args: { p_idea_id: string; p_limit?: number }
        Returns: Json
      }
      submit_idea: {
        Args: {
          p_age_band: string
          p_can_do: string
          p_code: string
          p_idempotency_key: string
          p_locale: string
          p_publish_consent: boolean
          p_queued_at?: string
          p_receipt_code?: string
          p_seat_token?: string
          p_text: string
          p_theme: string
          p_transcribed?: boolean
        }
        Returns: Json
      }
      withdraw_idea: { Args: { p_receipt_code: string }; Returns: Json }
    }
    Enums: {
      [_ in never]: never
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {},
  },
} as const

