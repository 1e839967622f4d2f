// `npm run seed`: creates the demo community in the database Haven would use (same
// discovery as `npm start`), unless it already holds members. Refused in production.
import { loadConfig } from '../server/infra/config.ts';
import { createLogger } from '../server/infra/logger.ts';
import { discoverMongo } from '../server/infra/mongo.ts';
import { isEmpty, seedDemoCommunity } from '../server/seed.ts';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
if (config.NODE_ENV === 'production') {
  console.error('npm run seed creates demo accounts and is refused when NODE_ENV=production');
  process.exit(1);
}
const mongo = await discoverMongo({
  uri: config.MONGODB_URI,
  dataDir: config.dataDir,
  allowDownload: config.MONGO_DOWNLOAD,
  logger,
});
try {
  if (await isEmpty(mongo.connection)) {
    await seedDemoCommunity(mongo.connection, logger);
    console.log(
      'Demo community created. Sign in as <role>@haven.local with the password haven-demo.',
    );
  } else {
    console.log('The database already has members; nothing was seeded.');
  }
} finally {
  await mongo.close();
}
