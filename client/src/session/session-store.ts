import { print } from 'graphql';
import { useSyncExternalStore } from 'react';
import { RefreshSessionDocument, type RefreshSessionMutation } from '../graphql/generated/graphql';
import { activeMembership, canRefresh, needsRefresh, type Session, type SessionUser } from './session';

// The refresh token lives in localStorage because the API hands it over in the response body, not as a cookie; the
// API rotates it on every use and ends the whole family when an old one is replayed.
const SESSION_KEY = 'usefirst.session';
const ORGANIZATION_KEY = 'usefirst.organizationId';

type State = { session: Session | null; organizationId: string | null };

let state: State = { session: readJson<Session>(SESSION_KEY), organizationId: readString(ORGANIZATION_KEY) };
const listeners = new Set<() => void>();

function setState(next: State): void {
  state = next;
  writeJson(SESSION_KEY, next.session);
  writeString(ORGANIZATION_KEY, next.organizationId);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Another tab signing in or out changes this one too.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== SESSION_KEY && event.key !== ORGANIZATION_KEY) return;
    state = { session: readJson<Session>(SESSION_KEY), organizationId: readString(ORGANIZATION_KEY) };
    for (const listener of listeners) listener();
  });
}

export function useSessionState(): State {
  return useSyncExternalStore(subscribe, () => state);
}

export function currentSession(): Session | null {
  return state.session;
}

export function startSession(session: Session): void {
  const keep = session.user.memberships.some((m) => m.organizationId === state.organizationId);
  setState({
    session,
    organizationId: keep ? state.organizationId : (session.user.memberships[0]?.organizationId ?? null),
  });
}

/** After `me` is read again (a new organisation, new roles), the session carries the fresh memberships. */
export function updateSessionUser(user: SessionUser): void {
  if (!state.session) return;
  const membership = activeMembership(user, state.organizationId);
  setState({ session: { ...state.session, user }, organizationId: membership?.organizationId ?? null });
}

export function chooseOrganization(organizationId: string): void {
  setState({ ...state, organizationId });
}

export function endSession(): void {
  setState({ session: null, organizationId: state.organizationId });
}

let refreshing: Promise<Session | null> | null = null;

/**
 * The access token to send now, renewed first when it is about to expire. Concurrent requests share one renewal:
 * the refresh token is single-use, so two renewals would end the session.
 */
export async function freshAccessToken(): Promise<string | null> {
  const session = state.session;
  if (!session) return null;
  if (!needsRefresh(session, new Date())) return session.accessToken;
  if (!canRefresh(session, new Date())) {
    endSession();
    return null;
  }
  refreshing ??= renew(session).finally(() => {
    refreshing = null;
  });
  return (await refreshing)?.accessToken ?? null;
}

async function renew(session: Session): Promise<Session | null> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: print(RefreshSessionDocument),
        variables: { refreshToken: session.refreshToken },
      }),
    });
  } catch {
    // Offline: keep the session, the request goes out with the old token and fails or succeeds on its own.
    return session;
  }
  const body = (await response.json().catch(() => null)) as { data?: RefreshSessionMutation | null } | null;
  const renewed = body?.data?.refreshSession;
  if (!renewed) {
    endSession();
    return null;
  }
  startSession(renewed);
  return renewed;
}

function readString(key: string): string | null {
  try {
    return window.localStorage.getItem(key) || null;
  } catch {
    // Storage can be switched off (private modes, enterprise policies): then nothing outlives the page.
    return null;
  }
}

function writeString(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // See readString.
  }
}

function readJson<Value>(key: string): Value | null {
  const raw = readString(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Value;
  } catch {
    return null;
  }
}

function writeJson(key: string, value: unknown): void {
  writeString(key, value === null ? null : JSON.stringify(value));
}
