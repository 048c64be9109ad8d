import { describe, expect, it } from 'vitest';
import { newPasswordSchema } from '../../../src/islands/Account/accountSchemas.ts';

function passwordMessages(password: string): string[] {
  const result = newPasswordSchema.safeParse({ current: 'old-password', password, confirm: password });
  return result.success ? [] : result.error.issues.filter((issue) => issue.path.join('.') === 'password').map((issue) => issue.message);
}

describe('the new-password rule the forms share with the server', () => {
  it.each([
    ['the demo password (14 characters)', 'zeri-demo-2026', []],
    ['9 characters', 'zeri-2026', ['account.validation.passwordTooShort']],
    ['72 one-byte characters', 'a'.repeat(72), []],
    ['36 two-byte letters (72 bytes)', 'ë'.repeat(36), []],
    ['37 two-byte letters (74 bytes, fewer than 72 characters)', 'ë'.repeat(37), ['account.validation.passwordTooLong']],
  ])('%s', (_name, password, messages) => {
    expect(passwordMessages(password)).toEqual(messages);
  });
});
