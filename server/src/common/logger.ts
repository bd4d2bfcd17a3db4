import pino from 'pino';

/** Structured JSON logs on stdout; one line per event, with the request id where there is one. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'usefirst' },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization'],
    remove: true,
  },
});

export type Logger = pino.Logger;
