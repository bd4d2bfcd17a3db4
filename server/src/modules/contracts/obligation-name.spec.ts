import { parseCalendarDate as d } from '../../common/calendar-date';
import { translate } from '../../i18n/translate';
import { obligationKey } from './engine/obligation-schedule';
import { obligationName } from './obligation-name';

const named = (key: string) => [
  translate('en', obligationName(key)),
  translate('zh-CN', obligationName(key)),
];

describe('obligationName', () => {
  it('names each kind of obligation in both languages, with the number, period or year its key holds', () => {
    expect(named(obligationKey.upfront())).toEqual(['the upfront fee', '入门费']);
    expect(named(obligationKey.installment(3))).toEqual(['installment 3', '第 3 期分期款']);
    expect(named(obligationKey.milestone('first-sale'))).toEqual([
      'the milestone payment “first-sale”',
      '里程碑付款“first-sale”',
    ]);
    expect(named(obligationKey.royalty(d('2027-01-01')))).toEqual([
      'the royalty for the period starting 2027-01-01',
      '2027-01-01 起报告期的提成费',
    ]);
    expect(named(obligationKey.royaltyAdjustment(d('2027-01-01'), 2))).toEqual([
      'royalty adjustment 2 for the period starting 2027-01-01',
      '2027-01-01 起报告期的第 2 次提成费调整',
    ]);
    expect(named(obligationKey.sublicenseShare(d('2027-04-01')))).toEqual([
      'the sublicensing share for the period starting 2027-04-01',
      '2027-04-01 起报告期的分许可收入分成',
    ]);
    expect(named(obligationKey.sublicenseShareAdjustment(d('2027-04-01'), 1))).toEqual([
      'sublicensing share adjustment 1 for the period starting 2027-04-01',
      '2027-04-01 起报告期的第 1 次分许可收入分成调整',
    ]);
    expect(named(obligationKey.minimumRoyaltyTrueUp(2))).toEqual([
      'the minimum royalty top-up for contract year 2',
      '第 2 合同年度的最低提成补足',
    ]);
    expect(named(obligationKey.exitFee())).toEqual(['the exit fee', '退出费']);
  });

  it('names late interest by the obligation it is charged on', () => {
    expect(named(obligationKey.lateInterest(obligationKey.installment(2)))).toEqual([
      'late interest on installment 2',
      '第 2 期分期款的逾期利息',
    ]);
    expect(named(obligationKey.lateInterest(obligationKey.milestone('a:b')))).toEqual([
      'late interest on the milestone payment “a:b”',
      '里程碑付款“a:b”的逾期利息',
    ]);
  });

  it('names a key of no known shape by the key', () => {
    expect(named('SOMETHING_NEW:1')).toEqual(['the payment SOMETHING_NEW:1', '款项 SOMETHING_NEW:1']);
  });
});
