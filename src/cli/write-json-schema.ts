// `npm run schema`: writes the JSON Schema editors use to autocomplete and check scenario files.
import { writeFile } from 'node:fs/promises';
import { scenarioJsonSchema, scenarioJsonSchemaPath } from '../engine/json-schema.ts';

await writeFile(scenarioJsonSchemaPath, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${scenarioJsonSchemaPath}`);
