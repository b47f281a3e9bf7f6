import { startServer } from '../helpers/server';
import { registerCommunitySuite } from './communitySuite';

registerCommunitySuite('sqlite', startServer);
