/** `dist/server.js`: starts the Node language server (`node dist/server.js --stdio` or `--node-ipc`). */
import { startServer } from './node.js';

startServer();
