import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formProblem } from '../graphql/graphql-error';

/**
 * The errors of a form, by API field path: the form's own (a reason to translate) and the API's (its message, which
 * names the rule). `error(path)` is what an input shows under itself.
 */
export function useFormErrors() {
  const { t } = useTranslation();
  const [local, setLocal] = useState<Record<string, string>>({});
  const [api, setApi] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<unknown>(null);
  return {
    error: (path: string): string | undefined => {
      const reason = local[path];
      if (reason) return t(`formIssues.${reason}` as 'formIssues.required');
      return api[path];
    },
    setIssues(issues: Record<string, string>) {
      setLocal(issues);
      setApi({});
      setSummary(null);
    },
    /** Shows an API failure: per-field messages next to their fields, and the failure above the form. */
    fail(error: unknown, prefix = '') {
      const problem = formProblem(error);
      const fields: Record<string, string> = {};
      for (const [field, message] of Object.entries(problem?.fieldErrors ?? {})) {
        fields[prefix && field.startsWith(`${prefix}.`) ? field.slice(prefix.length + 1) : field] = message;
      }
      setLocal({});
      setApi(fields);
      setSummary(error);
    },
    clear() {
      setLocal({});
      setApi({});
      setSummary(null);
    },
    summary,
    hasLocal: Object.keys(local).length > 0,
  };
}

export type FormErrors = ReturnType<typeof useFormErrors>;
