import { toPlanShape } from '../offers/offer.mapper';
import type { LicenseRequestRecord } from './license-request.model';
import type { LicenseRequest } from './license-request.types';

export function toLicenseRequest(record: LicenseRequestRecord): LicenseRequest {
  return {
    id: record._id.toHexString(),
    offerId: record.offerId.toHexString(),
    licensorId: record.licensorId.toHexString(),
    licenseeId: record.licenseeId.toHexString(),
    proposal: toPlanShape(record.proposal),
    thread: record.thread.map((e) => ({
      ...e,
      paymentPlan: e.paymentPlan ? toPlanShape(e.paymentPlan) : null,
    })),
    contractId: record.contractId?.toHexString() ?? null,
    state: record.state,
  };
}
