#!/usr/bin/env node
// `charter` command: runs the TypeScript command line through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./charter.ts');
process.exit(await main(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }));
