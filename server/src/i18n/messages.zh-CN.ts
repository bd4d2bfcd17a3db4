/**
 * The API's messages in Simplified Chinese, keyed by their English text, the message id (see message.ts). A
 * translation keeps its id's `{{placeholders}}`, whose values (amounts in minor units, codes, dates, names) read the
 * same in both languages. Terms follow the web client's: 许可方 / 被许可方, 许可要约, 提成费, 分期款, 里程碑付款,
 * 分许可, 技术转移办公室. Field-level messages of the payment plan follow the field's name, so they have no subject.
 */
export const zhCN: Readonly<Record<string, string>> = {
  // common/errors.ts
  '{{what}} was not found.': '未找到{{what}}。',
  'You are not allowed to do this.': '您无权执行此操作。',
  '{{count}} fields need attention: {{problems}}': '有 {{count}} 处需要修改：{{problems}}',
  // common/connection.ts
  'Ask for between 1 and {{max}} items per page.': '每页可请求 1 至 {{max}} 条。',
  'This page cursor does not belong to this list; start again from the first page.':
    '此分页游标不属于当前列表，请从第一页重新开始。',
  // common/request-context.ts
  TTO_MANAGER: '技术转移办公室经理',
  SME_MEMBER: '中小企业成员',
  FINANCE: '财务',
  ADMIN: '管理员',
  'Sign in to do this.': '请先登录再执行此操作。',
  'This needs the {{roles}} role in the organisation concerned.':
    '此操作需要您在相关机构中担任{{roles}}角色。',
  // common/state-machine.ts
  '{{what}} is {{from}} and cannot become {{to}}.': '{{what}}当前为“{{from}}”状态，不能变为“{{to}}”。',
  '{{what}} was changed by someone else at the same time; reload and try again.':
    '{{what}}刚刚被他人同时修改，请刷新后重试。',
  // identity
  'Use at least {{min}} characters for the password.': '密码至少需要 {{min}} 个字符。',
  'Use at most 200 characters for the password.': '密码最多 200 个字符。',
  'Too many sign-in attempts. Try again in 1 minute.': '登录尝试次数过多，请 1 分钟后再试。',
  'Too many sign-in attempts. Try again in {{minutes}} minutes.':
    '登录尝试次数过多，请 {{minutes}} 分钟后再试。',
  'The email or password is not right.': '邮箱或密码不正确。',
  'Enter an email address such as name@example.org.': '请输入有效的邮箱地址，例如 name@example.org。',
  'Enter your name (up to 120 characters).': '请输入您的姓名（最多 120 个字符）。',
  'An account with this email already exists; sign in instead.': '该邮箱已注册账户，请直接登录。',
  'Your session has ended; sign in again.': '您的会话已结束，请重新登录。',
  'The user': '该用户',
  'The organisation': '该机构',
  'Only members of this organisation can see who belongs to it.': '只有本机构的成员才能查看机构成员。',
  'This invitation is not valid any more; ask for a new one.': '此邀请已失效，请重新申请邀请。',
  'This invitation was sent to another email address.': '此邀请是发给其他邮箱地址的。',
  'You are already a member of this organisation.': '您已是本机构的成员。',
  'That member of this organisation': '本机构的该成员',
  'An organisation needs at least one admin; make someone else admin first.':
    '机构至少需要一名管理员，请先将其他成员设为管理员。',
  'Give at least one role.': '请至少指定一个角色。',
  'One of the roles is unknown.': '其中有未知的角色。',
  'Only universities and research institutes have TTO managers.':
    '只有高校和科研院所设有技术转移办公室经理。',
  'Only SMEs have SME members.': '只有中小企业设有中小企业成员。',
  'Choose university, research institute or SME.': '请选择高校、科研院所或中小企业。',
  'Enter the organisation name (2 to 200 characters).': '请输入机构名称（2 至 200 个字符）。',
  'Give the country as a two-letter ISO code such as CN, US or GB.':
    '请用两位 ISO 代码填写国家或地区，例如 CN、US 或 GB。',
  'Give the website as a full address starting with https://.': '请填写以 https:// 开头的完整网址。',
  'An SME needs its profile (size, headcount, revenue, founding date...).':
    '中小企业须填写企业档案（规模、员工人数、营业收入、成立日期等）。',
  'Choose micro, small or medium.': '请选择微型、小型或中型。',
  'Give the headcount as a whole number of people.': '员工人数须为整数。',
  'Give the annual revenue as a non-negative amount in minor units.':
    '年营业收入须为以最小货币单位计的非负金额。',
  'Give the revenue currency as an ISO code such as CNY.': '请用 ISO 代码填写营业收入币种，例如 CNY。',
  'Give the founding date as YYYY-MM-DD.': '成立日期请按 YYYY-MM-DD 格式填写。',
  'Enter the registration number (for example the unified social credit code).':
    '请输入注册号（例如统一社会信用代码）。',
  'Enter the industry.': '请填写所属行业。',
  'Only SMEs have an SME profile.': '只有中小企业才有中小企业档案。',
  'Enter the name of the TTO contact.': '请输入技术转移机构联系人姓名。',
  'Enter the TTO contact email address.': '请输入技术转移机构联系人的邮箱地址。',
  // patents
  'Keep the search under {{max}} characters.': '检索内容请控制在 {{max}} 个字符以内。',
  'The technology readiness level runs from 1 to 9.': '技术成熟度等级的取值范围为 1 至 9。',
  'The lowest readiness level cannot be above the highest.': '最低技术成熟度等级不能高于最高等级。',
  'This institution id is not valid.': '该机构 ID 无效。',
  draft: '草稿',
  published: '已发布',
  withdrawn: '已撤回',
  'Keep this under {{max}} characters.': '请控制在 {{max}} 个字符以内。',
  'Give a title in English or Chinese.': '请填写英文或中文标题。',
  'Give an abstract in English or Chinese.': '请填写英文或中文摘要。',
  'Give the application number.': '请填写申请号。',
  'Choose a known jurisdiction: {{jurisdictions}}.': '请选择支持的法域：{{jurisdictions}}。',
  'Choose filed, granted, expired or lapsed.': '请选择审查中、已授权、已届满或已失效。',
  'Give the date as YYYY-MM-DD.': '日期请按 YYYY-MM-DD 格式填写。',
  'Give the filing date.': '请填写申请日。',
  'The priority date cannot be after the filing date.': '优先权日不能晚于申请日。',
  'The grant date cannot be before the filing date.': '授权日不能早于申请日。',
  'The expiry date must be after the filing date.': '届满日必须晚于申请日。',
  'A granted patent needs its grant date.': '已授权的专利须填写授权日。',
  'A patent that is only filed has no grant date; set the status to granted.':
    '仅处于申请阶段的专利没有授权日；如已授权，请将法律状态改为已授权。',
  '"{{ipc}}" is not an IPC class; write it like H01M 10/0562.':
    '“{{ipc}}”不是有效的 IPC 分类号，请按 H01M 10/0562 的格式填写。',
  'Choose at least one technical field.': '请至少选择一个技术领域。',
  '"{{field}}" is not a technical field we know.': '“{{field}}”不是可识别的技术领域。',
  'List at most {{max}} items.': '最多列出 {{max}} 项。',
  'Each item needs 1 to {{max}} characters.': '每一项须为 1 至 {{max}} 个字符。',
  'Give the link a label.': '请为链接填写名称。',
  'Links must be full https:// addresses.': '链接必须是以 https:// 开头的完整网址。',
  'Only universities and research institutes publish patents.': '只有高校和科研院所可以发布专利。',
  'The patent': '该专利',
  // payment plan (field-level, follows the field's name)
  '"{{currency}}" is not a supported currency': '“{{currency}}”不是支持的币种',
  'must be a whole number of months greater than 0': '须为大于 0 的整月数',
  'must be MONTHLY, QUARTERLY or YEARLY': '须为 MONTHLY（每月）、QUARTERLY（每季度）或 YEARLY（每年）',
  'must be a whole number of months, 0 or more': '须为 0 或以上的整月数',
  'must not be longer than the {{termMonths}}-month term': '不得超过 {{termMonths}} 个月的许可期限',
  'must be true or false': '须为 true 或 false',
  'must be AT_SIGNING, END_OF_FREE_PERIOD or a valid date (YYYY-MM-DD)':
    '须为 AT_SIGNING（签约时）、END_OF_FREE_PERIOD（免费期结束时）或有效日期（YYYY-MM-DD）',
  'must be END_OF_FREE_PERIOD, AFTER_EFFECTIVE_DATE or a valid date (YYYY-MM-DD)':
    '须为 END_OF_FREE_PERIOD（免费期结束时）、AFTER_EFFECTIVE_DATE（生效日后）或有效日期（YYYY-MM-DD）',
  'must be FIRST or LAST': '须为 FIRST（第一期）或 LAST（最后一期）',
  'must be a whole number of installments, 1 or more': '分期数须为 1 或以上的整数',
  'must not exceed the total in minor units, or some installments would be 0':
    '不得超过以最小货币单位计的分期总额，否则部分分期款将为 0',
  'the last installment would fall due {{lastMonth}} months after the effective date, after the {{termMonths}}-month term':
    '最后一期分期款将在生效日后第 {{lastMonth}} 个月到期，晚于 {{termMonths}} 个月的许可期限',
  'needs a royalty to top up; add royalty tiers': '需要有提成费才能补足，请添加提成费率档',
  'must be a contract year, 1 or later': '须为合同年度，从第 1 年起',
  'starts after the {{termMonths}}-month term has ended': '起始年度晚于 {{termMonths}} 个月许可期限的结束',
  'caps limit royalties; add royalty tiers or remove the caps':
    '上限用于限制提成费，请添加提成费率档或删除上限',
  'is below the minimum annual royalty ({{minimum}}); the two cannot both hold':
    '低于年度最低提成（{{minimum}}），两者无法同时成立',
  'must not be empty': '不能为空',
  '"{{key}}" is used by another milestone': '“{{key}}”已被另一个里程碑使用',
  'must be one of {{triggers}}': '须为以下之一：{{triggers}}',
  'is required for CUMULATIVE_NET_SALES': '触发条件为 CUMULATIVE_NET_SALES（累计净销售额）时必须填写',
  'only applies to the CUMULATIVE_NET_SALES trigger': '仅适用于 CUMULATIVE_NET_SALES（累计净销售额）触发条件',
  'must be a valid date (YYYY-MM-DD)': '须为有效日期（YYYY-MM-DD）',
  'only applies to the DATE trigger': '仅适用于 DATE（指定日期）触发条件',
  'the licence does not allow sublicensing, so there is no sublicensing income to share; allow it or remove the share':
    '该许可不允许分许可，因此没有可分成的分许可收入；请允许分许可，或删除分成比例',
  "China's open-licence guidance caps royalties at {{cap}} of net sales; this plan charges up to {{steepest}}.":
    '中国专利开放许可指引规定提成费率不超过净销售额的 {{cap}}；本付款方案的最高费率为 {{steepest}}。',
  "China's open-licence fee ceiling is stated in CNY; price this open licence in CNY, not {{currency}}.":
    '中国专利开放许可的费用上限以人民币计；请以 CNY 而非 {{currency}} 为本开放许可定价。',
  "China's open-licence guidance caps fixed fees at CNY {{cap}}; this plan's upfront fee, installments, milestones and exit fee add up to CNY {{total}}.":
    '中国专利开放许可指引规定固定费用上限为 CNY {{cap}}；本付款方案的入门费、分期款、里程碑付款和退出费合计 CNY {{total}}。',
  'must be CUMULATIVE or CONTRACT_YEAR': '须为 CUMULATIVE（累计销售额）或 CONTRACT_YEAR（合同年度销售额）',
  'must have at least one tier': '至少需要一档费率',
  'must be 0: the first tier starts with the first sale': '须为 0：第一档从首笔销售起算',
  'leaves a gap after the previous tier, which ends at {{previousTo}}':
    '与上一档之间有空缺，上一档止于 {{previousTo}}',
  'overlaps the previous tier, which ends at {{previousTo}}': '与上一档重叠，上一档止于 {{previousTo}}',
  'only the last tier may be open-ended': '只有最后一档可以不设上限',
  'must be an amount in minor units, or null for the open top tier':
    '须为以最小货币单位计的金额；不设上限的最高档填 null',
  'must be above fromMinor ({{fromMinor}})': '须大于 fromMinor（{{fromMinor}}）',
  'must be null: the last tier covers all further sales': '须为 null：最后一档涵盖其后的全部销售额',
  'must be an amount in minor units greater than 0': '须为以最小货币单位计、大于 0 的金额',
  'must be a whole number, 0 or more': '须为 0 或以上的整数',
  'must be whole basis points from 0 to 10000 (0 % to 100 %)': '须为 0 至 10000 的整数基点（0% 至 100%）',
  // offers
  'The offer': '该许可要约',
  'Project at most {{max}} months.': '最多预测 {{max}} 个月。',
  'Monthly net sales are whole minor units, 0 or more.': '月净销售额须为 0 或以上、以最小货币单位计的整数。',
  'Give the start date as YYYY-MM-DD.': '起始日期请按 YYYY-MM-DD 格式填写。',
  'Give the offer a title of 3 to 200 characters.': '请为许可要约填写 3 至 200 个字符的标题。',
  'Choose non-exclusive, exclusive or sole.': '请选择普通许可、独占许可或排他许可。',
  'Say in what field the licensee may use the technology (up to 500 characters).':
    '请说明被许可方可在哪些领域使用该技术（最多 500 个字符）。',
  'Say where the licence applies (up to 500 characters).': '请说明许可适用的地域范围（最多 500 个字符）。',
  'Offer between 1 and {{max}} patents.': '每个许可要约可包含 1 至 {{max}} 件专利。',
  'This is not one of your institution’s patents.': '这不是贵机构的专利。',
  'Publish the patent {{applicationNumber}} before offering it.':
    '请先发布专利 {{applicationNumber}}，再将其纳入许可要约。',
  'Size classes are micro, small and medium.': '企业规模分为微型、小型和中型。',
  'Give a whole number, 0 or more, or leave it empty.': '请填写 0 或以上的整数，或留空。',
  '{{findings}}': '{{findings}}',
  // eligibility
  micro: '微型',
  small: '小型',
  medium: '中型',
  'This offer is for {{sizeClasses}} enterprises; yours is {{sizeClass}}.':
    '本许可要约仅面向{{sizeClasses}}企业，贵企业为{{sizeClass}}企业。',
  'This offer is for enterprises of at most {{maxHeadcount}} people; yours has {{headcount}}.':
    '本许可要约仅面向员工人数不超过 {{maxHeadcount}} 人的企业，贵企业有 {{headcount}} 人。',
  'This offer is for enterprises at most {{maxAgeYears}} years old; yours is {{age}}.':
    '本许可要约仅面向成立不超过 {{maxAgeYears}} 年的企业，贵企业已成立 {{age}} 年。',
  'Your annual revenue is above what this offer allows.': '贵企业的年营业收入超出本许可要约允许的上限。',
  'This offer is for "specialised and sophisticated" (专精特新) enterprises.':
    '本许可要约仅面向“专精特新”企业。',
  'This offer is for "little giant" (小巨人) enterprises.': '本许可要约仅面向“小巨人”企业。',
  // contracts
  'free period': '免费期',
  active: '履行中',
  defaulted: '违约',
  completed: '已完成',
  exited: '已退出',
  terminated: '已终止',
  'This offer is negotiable: send a licence request instead.': '此许可要约可协商，请改为提交许可申请。',
  'Complete your SME profile first.': '请先完善贵企业的中小企业档案。',
  '{{problems}}': '{{problems}}',
  'The contract': '该合同',
  'Only the parties’ TTO managers or SME members end a contract.':
    '只有合同双方的技术转移办公室经理或中小企业成员才能终止合同。',
  'Give the reason for the notice.': '请填写终止通知的理由。',
  'This exclusive licence has already been taken.': '该独占许可已被其他企业取得。',
  // royalty reports
  'The contract is {{state}}; it takes no more reports.': '该合同当前为“{{state}}”状态，不再接受报告。',
  'This is not the first day of one of the contract’s reporting periods.':
    '该日期不是本合同任一报告期的第一天。',
  'This period has not started yet.': '该报告期尚未开始。',
  'Report at most {{max}} lines.': '每份报告最多 {{max}} 行。',
  'Amounts are whole minor units, 0 or more.': '金额须为 0 或以上、以最小货币单位计的整数。',
  'Net sales must be gross sales less the allowed deductions.': '净销售额须等于销售总额减去允许的扣除额。',
  'Name the product.': '请填写产品名称。',
  'Name the territory.': '请填写销售地域。',
  'Unknown period.': '未知的报告期。',
  'Another report for this period was just submitted; reload and try again.':
    '该报告期刚刚有另一份报告提交，请刷新后重试。',
  'Your report was saved, but a report for {{periodStart}} came in at the same moment; submit yours again to bring the later periods up to date.':
    '您的报告已保存，但 {{periodStart}} 起的报告期同时收到了另一份报告；请重新提交您的报告，以更新其后各报告期。',
  // contract engine
  'Only platform admins advance the contract engine.': '只有平台管理员才能推进合同引擎。',
  // license requests
  'awaiting licensor': '等待许可方答复',
  'awaiting licensee': '等待被许可方答复',
  agreed: '已达成一致',
  rejected: '已拒绝',
  'This is a standard offer: sign it as published.': '这是标准许可要约，请按已发布的条款签署。',
  'Only the licensor rejects a request; withdraw it instead.': '只有许可方可以拒绝申请；您可以撤回申请。',
  'Say why the request is rejected.': '请说明拒绝该申请的理由。',
  'Only the TTO managers of the licensor and the members of the SME negotiate a request.':
    '只有许可方的技术转移办公室经理和该中小企业的成员可以就申请进行协商。',
  'The licence request': '该许可申请',
  'The request is {{state}}; nothing more can be done with it.':
    '该申请当前为“{{state}}”状态，无法再进行任何操作。',
  'It is the other side’s turn to answer.': '现在应由对方答复。',
  'Keep the message under {{max}} characters.': '留言请控制在 {{max}} 个字符以内。',
  // sublicensing income
  'This licence does not allow sublicensing, so it has no sublicensing income to report.':
    '该许可不允许分许可，因此没有需要报告的分许可收入。',
  'Report at most {{max}} sublicensees.': '最多报告 {{max}} 个分被许可方。',
  'Name the sublicensee (up to {{max}} characters).': '请填写分被许可方名称（最多 {{max}} 个字符）。',
  'Report each sublicensee once, with its total for the period.':
    '每个分被许可方只需报告一次，填写其在该报告期的合计收入。',
  'Income is whole minor units, 0 or more.': '收入须为 0 或以上、以最小货币单位计的整数。',
  'The period’s total income is too large.': '该报告期的收入合计过大。',
  'Another sublicensing income report for this period was just submitted; reload and try again.':
    '该报告期刚刚有另一份分许可收入报告提交，请刷新后重试。',
  // milestones
  declared: '已申报',
  confirmed: '已确认',
  'Only the SME’s members or the licensor’s TTO managers record a milestone.':
    '只有该中小企业的成员或许可方的技术转移办公室经理可以记录里程碑。',
  'The contract has no such milestone.': '该合同中没有这个里程碑。',
  'This milestone falls due on its date by itself.': '该里程碑在约定日期自动到期，无需申报。',
  'The event must lie between the effective date and today.': '事件日期须在合同生效日与今天之间。',
  'Describe the evidence (up to 4000 characters).': '请描述证明材料（最多 4000 个字符）。',
  'This milestone has already been declared.': '该里程碑已申报过。',
  'Only the licensor’s TTO managers confirm a milestone.': '只有许可方的技术转移办公室经理可以确认里程碑。',
  'The declared milestone': '所申报的里程碑',
  'The milestone': '该里程碑',
  // notifications
  'The notification': '该通知',
  'Only the organisation’s members see this.': '只有本机构的成员可以查看。',
  '{{amount}} for {{obligation}} is due on {{dueDate}}.':
    '{{obligation}}（{{amount}}）将于 {{dueDate}} 到期。',
  '{{amount}} for {{obligation}} is due today, {{dueDate}}.':
    '{{obligation}}（{{amount}}）今天（{{dueDate}}）到期。',
  '{{amount}} for {{obligation}} was due on {{dueDate}} and is overdue.':
    '{{obligation}}（{{amount}}）应于 {{dueDate}} 支付，现已逾期。',
  'The sales report for {{periodStart}} to {{periodEnd}} is due by {{dueOn}}.':
    '{{periodStart}} 至 {{periodEnd}} 的销售报告须于 {{dueOn}} 前提交。',
  'The sales report for {{periodStart}} to {{periodEnd}} was due by {{dueOn}} and has not come in.':
    '{{periodStart}} 至 {{periodEnd}} 的销售报告应于 {{dueOn}} 前提交，至今尚未提交。',
  'Your payment for {{obligation}} went through.': '{{obligation}}已支付成功。',
  'The card was declined for {{obligation}}. Save another payment method.':
    '{{obligation}}扣款时银行卡被拒。请保存其他支付方式。',
  'The card was declined for {{obligation}}; we will try again on {{retryOn}}.':
    '{{obligation}}扣款时银行卡被拒，我们将于 {{retryOn}} 再次尝试扣款。',
  'The card was declined for {{obligation}}; we will try again.':
    '{{obligation}}扣款时银行卡被拒，我们将稍后再次尝试扣款。',
  'Your bank asks you to authenticate the payment for {{obligation}}.':
    '您的开户银行要求对{{obligation}}的付款进行身份验证。',
  // contracts/obligation-name.ts: an obligation named inside a sentence
  'the upfront fee': '入门费',
  'installment {{number}}': '第 {{number}} 期分期款',
  'the milestone payment “{{milestone}}”': '里程碑付款“{{milestone}}”',
  'the royalty for the period starting {{periodStart}}': '{{periodStart}} 起报告期的提成费',
  'royalty adjustment {{revision}} for the period starting {{periodStart}}':
    '{{periodStart}} 起报告期的第 {{revision}} 次提成费调整',
  'the sublicensing share for the period starting {{periodStart}}':
    '{{periodStart}} 起报告期的分许可收入分成',
  'sublicensing share adjustment {{revision}} for the period starting {{periodStart}}':
    '{{periodStart}} 起报告期的第 {{revision}} 次分许可收入分成调整',
  'the minimum royalty top-up for contract year {{year}}': '第 {{year}} 合同年度的最低提成补足',
  'the exit fee': '退出费',
  'late interest on {{obligation}}': '{{obligation}}的逾期利息',
  'the payment {{key}}': '款项 {{key}}',
  // ledger
  'The idempotency key must be a non-empty string.': '幂等键须为非空字符串。',
  'The idempotency key must be at most {{max}} characters.': '幂等键最多 {{max}} 个字符。',
  'The effective date must be a calendar date, YYYY-MM-DD.': '生效日期须为 YYYY-MM-DD 格式的日历日期。',
  'The cause must be one of {{kinds}}.': '记账原因须为以下之一：{{kinds}}。',
  'The cause needs the id of what caused the entry.': '记账原因须注明引起该分录的对象 ID。',
  'The memo must be text of at most {{max}} characters.': '摘要须为不超过 {{max}} 个字符的文本。',
  '{{currency}} is not a currency we handle (ISO 4217).': '{{currency}} 不是我们支持的币种（ISO 4217）。',
  'Stripe ids must be non-empty strings.': 'Stripe ID 须为非空字符串。',
  'An entry needs at least two lines.': '一笔分录至少需要两行。',
  'The debit must be a whole number of minor units.': '借方金额须为以最小货币单位计的整数。',
  'The credit must be a whole number of minor units.': '贷方金额须为以最小货币单位计的整数。',
  'Amounts are never negative: put the amount on the other side.': '金额不能为负数，请将金额记在另一方。',
  'Each line is either a debit or a credit: exactly one of them must be above zero.':
    '每一行要么记借方、要么记贷方：两者中必须恰好有一个大于零。',
  'The {{field}} must be an id or null.': '{{field}} 须为 ID 或 null。',
  '{{account}} is not a ledger account.': '{{account}} 不是总账科目。',
  '{{account}} is kept per contract: the line needs its contract.':
    '{{account}} 按合同核算，该行须注明所属合同。',
  '{{account}} is kept per organisation: the line needs its organisation.':
    '{{account}} 按机构核算，该行须注明所属机构。',
  "{{account}} is the platform's own: no organisation owns a line on it.":
    '{{account}} 是平台自有科目，该行不能属于任何机构。',
  'The journal entry is malformed: {{problems}}': '会计分录格式有误：{{problems}}',
  '{{field}}: {{problem}}': '{{field}}：{{problem}}',
  'The journal entry does not balance: debits {{debitMinor}} and credits {{creditMinor}} {{currency}} minor units.':
    '会计分录借贷不平衡：借方 {{debitMinor}}，贷方 {{creditMinor}}（{{currency}} 最小货币单位）。',
  'A reversal cannot take effect ({{effectiveDate}}) before the entry it reverses ({{originalDate}}).':
    '冲销分录的生效日期（{{effectiveDate}}）不能早于被冲销分录的生效日期（{{originalDate}}）。',
  'The entry {{entryId}} is already reversed (by the entry with key {{reversalKey}}).':
    '分录 {{entryId}} 已被冲销（冲销分录的幂等键为 {{reversalKey}}）。',
  'The journal entry': '该会计分录',
  '{{currency}} is not a currency.': '{{currency}} 不是有效的币种。',
  '{{field}} must be a calendar date, YYYY-MM-DD.': '{{field}} 须为 YYYY-MM-DD 格式的日历日期。',
  'The ledger is for finance staff.': '总账仅供财务人员查看。',
  'You do finance for several organisations: name the one whose ledger to show.':
    '您负责多个机构的财务，请指定要查看哪个机构的总账。',
  'The idempotency key {{idempotencyKey}} already belongs to a different journal entry ({{entryId}}).':
    '幂等键 {{idempotencyKey}} 已属于另一笔会计分录（{{entryId}}）。',
  // billing
  'Start by setting up a payment method.': '请先设置支付方式。',
  'This is not a SetupIntent id.': '这不是 SetupIntent ID。',
  'The card was not saved: confirm it with Stripe first.': '银行卡未保存：请先在 Stripe 完成确认。',
  'Test payment methods are refused in live mode: save a card with Stripe Elements.':
    '正式模式下不接受测试支付方式，请通过 Stripe Elements 保存银行卡。',
  'Use one of Stripe’s test methods: {{methods}}.': '请使用以下 Stripe 测试支付方式之一：{{methods}}。',
  'Give the address Stripe should send the user back to.': '请填写 Stripe 完成后将用户送回的地址。',
  'Only universities and research institutes receive licence payments.': '只有高校和科研院所可以收取许可费。',
  'Start the payout onboarding first.': '请先开通收款账户。',
  'Only SMEs pay for licences.': '只有中小企业需要支付许可费。',
  'Only the platform runs billing.': '只有平台可以运行计费。',
  'The obligation': '该付款义务',
  'Only the licensee’s members or finance staff pay its obligations.':
    '只有被许可方的成员或财务人员可以支付其付款义务。',
  'This obligation is already paid.': '该付款义务已支付。',
  'Only an obligation that is due or overdue can be paid.': '只有已到期或已逾期的付款义务才能支付。',
  'A payment for this obligation is already under way.': '该付款义务已有一笔付款正在处理中。',
  'A retry is scheduled.': '已安排重试扣款。',
  'The retries are used up.': '重试次数已用完。',
  'The saved payment method was declined for good: save another one first.':
    '已保存的支付方式被永久拒绝，请先保存其他支付方式。',
  'Your bank asks you to authenticate the pending payment first.': '您的银行要求先对待处理的付款进行验证。',
  'Stripe refused this payment; our team has been told.': 'Stripe 拒绝了这笔付款，我们的团队已收到通知。',
  'Save a payment method first.': '请先保存支付方式。',
  'The licensor cannot receive payments yet; try again once it has finished onboarding.':
    '许可方尚无法收款，请在其完成收款账户开通后再试。',
  'Late interest is paid once the amount it accrues on is paid.': '逾期利息须在其计息本金付清后支付。',
  'Only the platform’s finance staff apply Stripe’s events.': '只有平台财务人员可以处理 Stripe 事件。',
  'The Stripe event': '该 Stripe 事件',
  'Only an event whose handling failed is applied again; this one is {{status}}.':
    '只有处理失败的事件才能重新处理，该事件的状态为 {{status}}。',
  'Only the platform’s finance staff see Stripe’s events.': '只有平台财务人员可以查看 Stripe 事件。',
  'The status is one of RECEIVED, APPLIED, FAILED or IGNORED.':
    '状态须为 RECEIVED、APPLIED、FAILED 或 IGNORED 之一。',
  // reports
  'The period must be one of {{periods}}.': '期间须为以下之一：{{periods}}。',
  '{{name}} is not a university or research institute: only licensors receive distributions.':
    '{{name}} 不是高校或科研院所：只有许可方才有收入分配。',
  "Platform revenue is for the platform's finance staff and admins.":
    '平台收入仅供平台财务人员和管理员查看。',
  "The receivables ageing is for an organisation's finance staff, and a licensor's TTO managers.":
    '应收账款账龄仅供机构财务人员及许可方的技术转移办公室经理查看。',
  'You do finance for several organisations: name the one whose receivables to show.':
    '您负责多个机构的财务，请指定要查看哪个机构的应收账款。',
  '{{field}} must be a calendar date, YYYY-MM-DD; got "{{value}}".':
    '{{field}} 须为 YYYY-MM-DD 格式的日历日期，收到的是“{{value}}”。',
  'The range ends ({{to}}) before it starts ({{from}}).':
    '日期范围的结束日（{{to}}）早于开始日（{{from}}）。',
  // reconciliation
  'The status is OPEN or RESOLVED.': '状态须为 OPEN 或 RESOLVED。',
  'Say how it was resolved (up to 4000 characters).': '请说明处理方式（最多 4000 个字符）。',
  'This exception is already resolved.': '该对账异常已解决。',
  'The exception': '该对账异常',
  'Only the platform’s finance staff reconcile.': '只有平台财务人员可以进行对账。',
  // graphql
  'tto manager': '技术转移办公室经理',
  'sme member': '中小企业成员',
  finance: '财务',
  admin: '管理员',
  'platform admin': '平台管理员',
  public: '公开访问',
  'This needs the {{roles}} role.': '此操作需要{{roles}}角色。',
  'Something went wrong on our side. It has been logged; please try again later.':
    '我们这边出了问题，已记录在案，请稍后再试。',
  // reports CSV
  '{{field}} must be one of {{values}}.': '{{field}} 须为以下之一：{{values}}。',
  'There is no such report. CSV reports: ageing.csv, statement.csv, distribution.csv, platform-revenue.csv, payouts.csv.':
    '没有这份报表。可下载的 CSV 报表有：ageing.csv、statement.csv、distribution.csv、platform-revenue.csv、payouts.csv。',
  'Give {{name}} once.': '{{name}} 只能提供一次。',
  '{{name}} is required.': '必须提供 {{name}}。',
  // http
  'The request body is too large.': '请求正文过大。',
  'The request body is not valid JSON.': '请求正文不是有效的 JSON。',
  'The request was not understood.': '无法理解该请求。',
  'Something went wrong on our side.': '我们这边出了问题。',
};
