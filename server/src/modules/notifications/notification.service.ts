import { Types } from 'mongoose';
import { AppError } from '../../common/errors';
import { requireViewer, type RequestContext } from '../../common/request-context';
import { NotificationModel, type NotificationRecord } from './notification.model';
import { ReportDeadlineModel, type ReportDeadlineRecord } from './report-deadline.model';

/** What an organisation's members are told, and which sales reports it is waiting for or missing. */
export class NotificationService {
  async list(
    ctx: RequestContext,
    organizationId: string,
    unreadOnly: boolean,
  ): Promise<NotificationRecord[]> {
    this.requireMember(ctx, organizationId);
    const filter: Record<string, unknown> = { organizationId: new Types.ObjectId(organizationId) };
    if (unreadOnly) filter.readAt = null;
    const notifications = await NotificationModel.find(filter).lean<NotificationRecord[]>();
    return notifications.sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.onDate.localeCompare(a.onDate),
    );
  }

  async markRead(ctx: RequestContext, id: string): Promise<NotificationRecord> {
    const notification = Types.ObjectId.isValid(id)
      ? await NotificationModel.findById(id).lean<NotificationRecord>()
      : null;
    if (!notification || !this.isMember(ctx, notification.organizationId.toHexString()))
      throw AppError.notFound('The notification');
    if (!notification.readAt)
      await NotificationModel.updateOne({ _id: notification._id }, { $set: { readAt: ctx.clock.now() } });
    return { ...notification, readAt: notification.readAt ?? ctx.clock.now() };
  }

  /** Report deadlines of the organisation's contracts, as licensor or licensee; OVERDUE ones are what a TTO chases. */
  async reportDeadlines(
    ctx: RequestContext,
    organizationId: string,
    status: ReportDeadlineRecord['status'] | null,
  ): Promise<ReportDeadlineRecord[]> {
    this.requireMember(ctx, organizationId);
    const id = new Types.ObjectId(organizationId);
    const extra = status ? { status } : {};
    const [asLicensor, asLicensee] = await Promise.all([
      ReportDeadlineModel.find({ licensorId: id, ...extra }).lean<ReportDeadlineRecord[]>(),
      ReportDeadlineModel.find({ licenseeId: id, ...extra }).lean<ReportDeadlineRecord[]>(),
    ]);
    return [...asLicensor, ...asLicensee].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  }

  private isMember(ctx: RequestContext, organizationId: string): boolean {
    return Boolean(ctx.viewer?.memberships.some((m) => m.organizationId === organizationId));
  }

  private requireMember(ctx: RequestContext, organizationId: string): void {
    requireViewer(ctx);
    if (!Types.ObjectId.isValid(organizationId) || !this.isMember(ctx, organizationId))
      throw AppError.forbidden('Only the organisation’s members see this.');
  }
}
