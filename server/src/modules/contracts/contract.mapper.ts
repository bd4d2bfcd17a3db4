import { toPlanShape } from '../offers/offer.mapper';
import type { ContractRecord, ObligationRecord } from './contract.model';
import type { Contract, Obligation } from './contract.types';

export function toContract(record: ContractRecord): Contract {
  return {
    id: record._id.toHexString(),
    number: record.number,
    offerId: record.offerId.toHexString(),
    licensorId: record.licensorId.toHexString(),
    licenseeId: record.licenseeId.toHexString(),
    title: record.terms.title,
    patentIds: record.terms.patentIds.map((p) => p.toHexString()),
    licenseKind: record.terms.licenseKind,
    fieldOfUse: record.terms.fieldOfUse,
    territory: record.terms.territory,
    paymentPlan: toPlanShape(record.terms.paymentPlan),
    effectiveDate: record.effectiveDate,
    confirmation: { ...record.confirmation },
    state: record.state,
  };
}

export function toObligation(record: ObligationRecord): Obligation {
  return {
    id: record._id.toHexString(),
    key: record.key,
    kind: record.kind,
    amountMinor: record.amountMinor,
    currency: record.currency,
    dueDate: record.dueDate,
    status: record.status,
  };
}
