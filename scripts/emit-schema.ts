import 'reflect-metadata';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { printApiSchema } from '../server/src/graphql/print-schema';

/** `npm run schema:emit`: writes graphql/schema.graphql from the code. A test fails when the file is stale. */
printApiSchema()
  .then((sdl) => {
    // From scripts/ (tsx) or dist/scripts/ (compiled): the project root is the folder holding package.json.
    const root = [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..')].find((dir) =>
      existsSync(path.join(dir, 'package.json')),
    );
    const file = path.join(root ?? process.cwd(), 'graphql', 'schema.graphql');
    writeFileSync(file, sdl);
    console.log(`wrote ${file}`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
