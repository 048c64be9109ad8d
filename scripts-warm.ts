import { openPglite } from '/work/main/supabase/local/pglite.ts';
const db = await openPglite(process.argv[2]);
for (let i = 0; i < 4; i++) {
  const t = performance.now();
  await db.query("select private.detect_safeguarding($1), private.detect_personal_data($1)", ['Une jam nje femije dhe dua te flas per punen jashte vendit, me ndihmoni ' + i]);
  console.log(i, Math.round(performance.now() - t), 'ms');
}
await db.close();
