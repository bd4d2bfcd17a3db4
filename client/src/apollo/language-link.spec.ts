import { ApolloClient, ApolloLink, gql, InMemoryCache } from '@apollo/client';
import { Observable } from 'rxjs';
import type { Locale } from '../i18n/locale';
import { languageLink } from './language-link';

const ME = gql`
  query Me {
    me {
      id
    }
  }
`;

describe('languageLink', () => {
  it('sends the interface language as Accept-Language, as it is at each request', async () => {
    let locale: Locale = 'en';
    const sent: unknown[] = [];
    const server = new ApolloLink((operation) => {
      sent.push(operation.getContext()['headers']);
      return new Observable((observer) => {
        observer.next({ data: { me: { __typename: 'User', id: 'u1' } } });
        observer.complete();
      });
    });
    const client = new ApolloClient({
      link: ApolloLink.from([languageLink(() => locale), server]),
      cache: new InMemoryCache(),
    });

    await client.query({ query: ME, fetchPolicy: 'network-only' });
    locale = 'zh-CN';
    await client.query({ query: ME, fetchPolicy: 'network-only' });

    expect(sent).toEqual([{ 'accept-language': 'en' }, { 'accept-language': 'zh-CN' }]);
  });

  it('keeps the headers set before it, such as the token', async () => {
    let sent: unknown;
    const token = new ApolloLink((operation, forward) => {
      operation.setContext({ headers: { authorization: 'Bearer t' } });
      return forward(operation);
    });
    const server = new ApolloLink((operation) => {
      sent = operation.getContext()['headers'];
      return new Observable((observer) => {
        observer.next({ data: { me: { __typename: 'User', id: 'u1' } } });
        observer.complete();
      });
    });
    const client = new ApolloClient({
      link: ApolloLink.from([token, languageLink(() => 'zh-CN'), server]),
      cache: new InMemoryCache(),
    });

    await client.query({ query: ME, fetchPolicy: 'network-only' });

    expect(sent).toEqual({ authorization: 'Bearer t', 'accept-language': 'zh-CN' });
  });
});
