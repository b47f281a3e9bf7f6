import { startServer } from '../helpers/server';
import { registerConnectionLimitsSuite } from './connectionLimitsSuite';

registerConnectionLimitsSuite('sqlite', startServer);
