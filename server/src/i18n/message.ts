/**
 * The English text of a message, which is also its key in the translation catalogues (gettext-style). Values go in
 * as `{{name}}` placeholders, never spliced into the text: `'Keep the search under {{max}} characters.'` with
 * `{ max: 200 }`. Write every id as a string literal where it is used: `messages.zh-CN.spec.ts` finds them in the
 * source through this type and fails when one has no Chinese translation.
 */
// The optional brand costs nothing at a call site (a string literal or any string fits), but keeps the type's name
// for the compiler, which is how the spec tells a message id from any other string.
export type MessageId = string & { readonly __messageId?: never };

/** A message for a person: an id and the values of its placeholders. */
export type Message = { message: MessageId; params?: MessageParams };

/**
 * The value of a placeholder. Strings and numbers are shown as they are in every language (amounts in minor units,
 * codes, dates, what the user typed); a message is translated in turn (`'The offer'`, a state's name); a list of
 * messages is translated and joined like sentences; `anyOf` lists alternatives ("finance or admin").
 */
export type MessageParam = string | number | Message | readonly Message[] | { anyOf: readonly Message[] };

export type MessageParams = Readonly<Record<string, MessageParam>>;
