import { useMutation } from '@apollo/client/react';
import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SignInDocument, SignUpDocument } from '../graphql/generated/graphql';
import { PageTitle, RequestError } from '../ui/page-states';
import { useFormErrors } from '../ui/form-errors';
import { safeNextPath } from './session';
import { startSession } from './session-store';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors();
  const [signIn, { loading }] = useMutation(SignInDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    try {
      const { data } = await signIn({ variables: { input: { email: email.trim(), password } } });
      if (!data) return;
      startSession(data.signIn);
      await navigate(data.signIn.user.memberships.length === 0 ? '/organization/new' : next, {
        replace: true,
      });
    } catch (error) {
      errors.fail(error, 'input');
    }
  }

  return (
    <Stack maw={420}>
      <PageTitle>{t('session.signInTitle')}</PageTitle>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <RequestError error={errors.summary} />
          <TextInput
            label={t('session.email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            error={errors.error('email')}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('session.password')}
            visibilityToggleButtonProps={{ 'aria-label': t('session.showPassword') }}
            autoComplete="current-password"
            required
            value={password}
            error={errors.error('password')}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={loading}>
            {t('session.signIn')}
          </Button>
          <Text size="sm">
            {t('session.noAccount')}{' '}
            <Anchor component={Link} to={`/sign-up?next=${encodeURIComponent(next)}`}>
              {t('session.signUp')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Stack>
  );
}

export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors();
  const [signUp, { loading }] = useMutation(SignUpDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    try {
      const { data } = await signUp({
        variables: { input: { displayName: displayName.trim(), email: email.trim(), password } },
      });
      if (!data) return;
      startSession(data.signUp);
      await navigate(`/organization/new?next=${encodeURIComponent(next)}`, { replace: true });
    } catch (error) {
      errors.fail(error, 'input');
    }
  }

  return (
    <Stack maw={420}>
      <PageTitle>{t('session.signUpTitle')}</PageTitle>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <RequestError error={errors.summary} />
          <TextInput
            label={t('session.displayName')}
            autoComplete="name"
            required
            value={displayName}
            error={errors.error('displayName')}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
          />
          <TextInput
            label={t('session.email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            error={errors.error('email')}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('session.password')}
            visibilityToggleButtonProps={{ 'aria-label': t('session.showPassword') }}
            description={t('session.passwordHint')}
            autoComplete="new-password"
            required
            value={password}
            error={errors.error('password')}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={loading}>
            {t('session.signUp')}
          </Button>
          <Text size="sm">
            {t('session.haveAccount')}{' '}
            <Anchor component={Link} to={`/sign-in?next=${encodeURIComponent(next)}`}>
              {t('session.signIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Stack>
  );
}
