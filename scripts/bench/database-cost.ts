import mongoose from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';

/**
 * The database commands started while `task` runs, by name ("find", "getMore", …). The connection is opened with
 * `monitorCommands: true`; run this only when nothing else is using the connection.
 */
export async function commandsDuring(
  task: () => Promise<unknown>,
): Promise<{ total: number; byName: Record<string, number>; collections: string[] }> {
  const client = mongoose.connection.getClient();
  const byName: Record<string, number> = {};
  const collections: string[] = [];
  const listener = (event: CommandStartedEvent) => {
    byName[event.commandName] = (byName[event.commandName] ?? 0) + 1;
    const collection = event.command[event.commandName];
    collections.push(
      `${event.commandName} ${typeof collection === 'string' ? collection : String(event.command.collection ?? '')}`.trim(),
    );
  };
  client.on('commandStarted', listener);
  try {
    await task();
  } finally {
    client.off('commandStarted', listener);
  }
  return { total: Object.values(byName).reduce((a, b) => a + b, 0), byName, collections };
}
