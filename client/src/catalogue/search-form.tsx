import { Button, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './catalogue.module.css';

type SearchFormProps = { query: string; onSearch: (query: string) => void };

/** Searches when submitted, not on every keystroke: a Chinese input method sends many keystrokes per word. */
export function SearchForm({ query, onSearch }: SearchFormProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(query);
  // Follow the address bar when it changes underneath (back and forward buttons, a clicked link).
  useEffect(() => setText(query), [query]);
  return (
    <form
      role="search"
      className={classes.searchForm}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text.trim());
      }}
    >
      <TextInput
        className={classes.searchInput}
        type="search"
        name="q"
        label={t('catalogue.searchLabel')}
        description={t('catalogue.searchHint')}
        placeholder={t('catalogue.searchPlaceholder')}
        autoComplete="off"
        enterKeyHint="search"
        size="md"
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      <Button type="submit" size="md" className={classes.searchButton}>
        {t('catalogue.searchButton')}
      </Button>
    </form>
  );
}
