/**
 * Chinese company registration numbers. A demo SME's unified social credit code (统一社会信用代码, GB 32100-2015)
 * carries two check characters, so that a form validating it, as Chinese onboarding flows do, accepts the demo data.
 */

/** The 31 characters of GB 32100 (no I, O, S, V or Z), in value order. */
const USCC_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 11714 organisation code weights; letters count A=10 … Z=35. */
const ORGANIZATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function organizationCodeCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body[i], 36) * ORGANIZATION_CODE_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export function unifiedSocialCreditCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARACTERS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARACTERS[(31 - (sum % 31)) % 31];
}

/**
 * "91" (registered by market regulation, an enterprise), the six-digit administrative division, the nine-character
 * organisation code with its GB 11714 check, then the GB 32100 check.
 */
export function unifiedSocialCreditCode(adminDivision: string, organizationCodeBody: string): string {
  if (!/^\d{6}$/.test(adminDivision)) throw new RangeError(`Not a division code: ${adminDivision}`);
  if (!/^[0-9A-HJ-NP-RTUWXY]{8}$/.test(organizationCodeBody)) {
    throw new RangeError(`Not an organisation code body: ${organizationCodeBody}`);
  }
  const first17 = `91${adminDivision}${organizationCodeBody}${organizationCodeCheckCharacter(organizationCodeBody)}`;
  return first17 + unifiedSocialCreditCheckCharacter(first17);
}

export function isValidUnifiedSocialCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(code)) return false;
  return unifiedSocialCreditCheckCharacter(code.slice(0, 17)) === code[17];
}
