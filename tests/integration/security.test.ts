import { startServer } from '../helpers/server';
import { registerSecuritySuite } from './securitySuite';

registerSecuritySuite('sqlite', startServer);
