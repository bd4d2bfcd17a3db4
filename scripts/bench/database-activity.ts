import mongoose from 'mongoose';
import type { CommandFailedEvent, CommandStartedEvent, CommandSucceededEvent, Document } from 'mongodb';

export type CommandCount = { total: number; byName: Record<string, number>; inOrder: string[] };

/** "find published_patents", "getMore published_patents", "find organizations", … */
function describe(command: Document, commandName: string): string {
  const target = command[commandName];
  const collection =
    typeof target === 'string' ? target : typeof command.collection === 'string' ? command.collection : '';
  return `${commandName} ${collection}`.trim();
}

/**
 * Watches every command on the shared connection (opened with `monitorCommands: true`): how many are running, and
 * how many finds on each collection have finished. A request the load generator gave up on keeps running in the
 * server, so each load run waits here until the database is quiet before the next one starts.
 */
export class DatabaseActivity {
  private readonly running = new Map<number, string>();
  private readonly finished = new Map<string, number>();
  private lastChangeAt = Date.now();
  private readonly onStarted = (event: CommandStartedEvent) => {
    this.running.set(event.requestId, describe(event.command, event.commandName));
    this.lastChangeAt = Date.now();
  };
  private readonly onEnded = (event: CommandSucceededEvent | CommandFailedEvent) => {
    const what = this.running.get(event.requestId);
    this.running.delete(event.requestId);
    if (what && 'reply' in event) this.finished.set(what, (this.finished.get(what) ?? 0) + 1);
    this.lastChangeAt = Date.now();
  };

  constructor() {
    const client = mongoose.connection.getClient();
    client.on('commandStarted', this.onStarted);
    client.on('commandSucceeded', this.onEnded);
    client.on('commandFailed', this.onEnded);
  }

  detach(): void {
    const client = mongoose.connection.getClient();
    client.off('commandStarted', this.onStarted);
    client.off('commandSucceeded', this.onEnded);
    client.off('commandFailed', this.onEnded);
  }

  /** Finds on `collection` that have answered so far: one per search or detail request. */
  findsFinished(collection: string): number {
    return this.finished.get(`find ${collection}`) ?? 0;
  }

  /**
   * Resolves once no command has run for `quietMs` (a request pauses between its queries to score and facet), or
   * after `maxMs`; answers how long it waited and whether the database went quiet.
   */
  async waitUntilQuiet(quietMs = 1000, maxMs = 300_000): Promise<{ seconds: number; quiet: boolean }> {
    const started = Date.now();
    for (;;) {
      const now = Date.now();
      if (this.running.size === 0 && now - this.lastChangeAt >= quietMs)
        return { seconds: (now - started) / 1000, quiet: true };
      if (now - started >= maxMs) return { seconds: (now - started) / 1000, quiet: false };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The commands started while `task` runs. Run it only when nothing else is using the connection. */
export async function commandsDuring(task: () => Promise<unknown>): Promise<CommandCount> {
  const client = mongoose.connection.getClient();
  const byName: Record<string, number> = {};
  const inOrder: string[] = [];
  const listener = (event: CommandStartedEvent) => {
    byName[event.commandName] = (byName[event.commandName] ?? 0) + 1;
    inOrder.push(describe(event.command, event.commandName));
  };
  client.on('commandStarted', listener);
  try {
    await task();
  } finally {
    client.off('commandStarted', listener);
  }
  return { total: inOrder.length, byName, inOrder };
}
