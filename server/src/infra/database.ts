import mongoose from 'mongoose';
import { logger } from '../common/logger';

/** Connects the shared mongoose connection and makes sure every model's indexes (unique keys above all) exist. */
export async function connectDatabase(uri: string, dbName: string): Promise<void> {
  mongoose.set('strictQuery', true);
  await mongoose.connect(uri, {
    dbName,
    autoIndex: false,
    serverSelectionTimeoutMS: 10_000,
    maxPoolSize: 50,
    monitorCommands: true,
  });
  for (const model of Object.values(mongoose.models)) await model.createIndexes();
  logger.info({ dbName }, 'database connected');
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
