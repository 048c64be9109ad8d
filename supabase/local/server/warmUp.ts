/**
 * Run by each PGlite worker before it answers: calls the functions whose first
 * call is slow (regular expressions compiled per backend) so that cost is paid
 * at start, not inside a request's statement timeout. A database without them
 * yet (before the first migration) skips the calls.
 */
export const warmUpSql = `
do $$
begin
  if to_regprocedure('private.detect_safeguarding(text)') is not null then
    perform private.detect_safeguarding('warm up: a class talks about safe work abroad');
  end if;
  if to_regprocedure('private.detect_personal_data(text)') is not null then
    perform private.detect_personal_data('warm up: a class talks about safe work abroad');
  end if;
end
$$;
`;
