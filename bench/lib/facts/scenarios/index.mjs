// The bench:facts scenarios, one file each (see ../kit.mjs for what a scenario declares).
import { fileURLToPath } from 'node:url';
import { scenario as nodeTerse } from './nodeTerse.mjs';

const fileOf = (name) => fileURLToPath(new URL(`./${name}.mjs`, import.meta.url));

export const scenarios = [
  { file: fileOf('nodeTerse'), scenario: nodeTerse },
];
