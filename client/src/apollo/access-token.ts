/** Where the sign-in pages (still to come) keep the access token the API expects as `Authorization: Bearer`. */
export const ACCESS_TOKEN_STORAGE_KEY = 'usefirst.accessToken';

export function readAccessToken(): string | null {
  try {
    return window.localStorage.getItem(ACCESS_TOKEN_STORAGE_KEY) || null;
  } catch {
    // Storage can be switched off (private modes, enterprise policies): then the visitor is simply anonymous.
    return null;
  }
}

/** Headers for a request to /graphql: the token when there is one. */
export function authorizationHeaders(): Record<string, string> {
  const token = readAccessToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}
