import {
  Arg,
  Authorized,
  Ctx,
  Field,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from 'type-graphql';
import { enumObject } from '../../graphql/common.types';
import { connectionOf, pageOfList } from '../../graphql/connection';
import type { GraphQLContext } from '../../graphql/context';
import { requestLocale } from '../../i18n/request-locale';
import { toNotification } from './notification.mapper';
import { NOTIFICATION_KINDS, type NotificationKind } from './notification.model';
import type { ReportDeadlineRecord } from './report-deadline.model';

export const NotificationKindEnum = enumObject(NOTIFICATION_KINDS);
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description: 'What a notification is about.',
});
export const ReportDeadlineStatusEnum = enumObject(['OPEN', 'SUBMITTED', 'OVERDUE'] as const);
registerEnumType(ReportDeadlineStatusEnum, {
  name: 'ReportDeadlineStatus',
  description: 'Whether a period’s sales report is awaited, in, or late.',
});

@ObjectType({ description: 'An in-app notification to an organisation.' })
export class Notification {
  @Field(() => ID, { description: 'The notification id.' })
  id!: string;
  @Field(() => NotificationKindEnum, { description: 'What it is about.' })
  kind!: NotificationKind;
  @Field(() => String, {
    description:
      'What happened, in words, in the language asked for in Accept-Language (English for notifications sent before they were translated).',
  })
  message!: string;
  @Field(() => String, {
    description: 'The language `message` is in, as a language tag (en, zh-CN), for the client to mark it.',
  })
  messageLanguage!: string;
  @Field(() => ID, { description: 'The contract concerned.' })
  contractId!: string;
  @Field(() => String, { description: 'The day concerned (due date or deadline), YYYY-MM-DD.' })
  onDate!: string;
  @Field(() => Date, { description: 'When it was sent.' })
  createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When a member read it.' })
  readAt!: Date | null;
}

@ObjectType({ description: 'A reporting period’s sales report and when it is due.' })
export class ReportDeadline {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;
  @Field(() => String, { description: 'First day of the period.' })
  periodStart!: string;
  @Field(() => String, { description: 'Last day of the period.' })
  periodEnd!: string;
  @Field(() => String, { description: 'The report is due by this day.' })
  dueOn!: string;
  @Field(() => ReportDeadlineStatusEnum, { description: 'Awaited, in, or late.' })
  status!: ReportDeadlineRecord['status'];
}

export const NotificationConnection = connectionOf(Notification, 'Notification', 'notification');

@Resolver()
export class NotificationResolver {
  @Authorized()
  @Query(() => NotificationConnection, {
    description: 'An organisation’s notifications, newest first (its members).',
  })
  async notifications(
    @Arg('organizationId', () => ID, { description: 'Your organisation.' }) organizationId: string,
    @Arg('unreadOnly', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'Only unread ones.',
    })
    unreadOnly: boolean,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item seen.' })
    after: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const list = await ctx.services.notifications.list(ctx.request, organizationId, unreadOnly);
    const locale = requestLocale();
    return pageOfList(list, { first, after }, `notifications:${organizationId}:${unreadOnly}`, (n) =>
      toNotification(n, locale),
    );
  }

  @Authorized()
  @Mutation(() => Notification, { description: 'Marks a notification read.' })
  async markNotificationRead(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Notification> {
    return toNotification(await ctx.services.notifications.markRead(ctx.request, id), requestLocale());
  }

  @Authorized()
  @Query(() => [ReportDeadline], {
    description:
      'Sales-report deadlines of an organisation’s contracts; OVERDUE ones are late (its members).',
  })
  async reportDeadlines(
    @Arg('organizationId', () => ID, { description: 'Your organisation.' }) organizationId: string,
    @Arg('status', () => ReportDeadlineStatusEnum, { nullable: true, description: 'Only this status.' })
    status: ReportDeadlineRecord['status'] | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReportDeadline[]> {
    const list = await ctx.services.notifications.reportDeadlines(ctx.request, organizationId, status);
    return list.map((d) => ({
      contractId: d.contractId.toHexString(),
      periodStart: d.periodStart,
      periodEnd: d.periodEnd,
      dueOn: d.dueOn,
      status: d.status,
    }));
  }
}
