import type { Message } from '../../common/errors';

/**
 * An obligation named for a person, from its key (see `obligationKey` in engine/obligation-schedule.ts): "installment
 * 3", "the royalty for the period starting 2027-01-01". A name sits inside a sentence, so in English it starts in
 * lower case; a key of no known shape is named by the key itself.
 */
export function obligationName(key: string): Message {
  const [kind = '', ...rest] = key.split(':');
  const [first = '', second = ''] = rest;
  switch (kind) {
    case 'UPFRONT':
      return { message: 'the upfront fee' };
    case 'INSTALLMENT':
      return { message: 'installment {{number}}', params: { number: first } };
    case 'MILESTONE':
      // A milestone key is the licensor's own word for it, and may itself hold a colon.
      return { message: 'the milestone payment “{{milestone}}”', params: { milestone: rest.join(':') } };
    case 'ROYALTY':
      return {
        message: 'the royalty for the period starting {{periodStart}}',
        params: { periodStart: first },
      };
    case 'ROYALTY_ADJUSTMENT':
      return {
        message: 'royalty adjustment {{revision}} for the period starting {{periodStart}}',
        params: { periodStart: first, revision: second },
      };
    case 'SUBLICENSE_SHARE':
      return {
        message: 'the sublicensing share for the period starting {{periodStart}}',
        params: { periodStart: first },
      };
    case 'SUBLICENSE_SHARE_ADJUSTMENT':
      return {
        message: 'sublicensing share adjustment {{revision}} for the period starting {{periodStart}}',
        params: { periodStart: first, revision: second },
      };
    case 'MINIMUM_ROYALTY_TRUE_UP':
      return { message: 'the minimum royalty top-up for contract year {{year}}', params: { year: first } };
    case 'EXIT_FEE':
      return { message: 'the exit fee' };
    case 'LATE_INTEREST':
      return {
        message: 'late interest on {{obligation}}',
        params: { obligation: obligationName(rest.join(':')) },
      };
    default:
      return { message: 'the payment {{key}}', params: { key } };
  }
}
