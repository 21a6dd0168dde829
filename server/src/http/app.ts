import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { AppError } from '@yunpin/shared';
import type { AppContext } from '../context.js';
import { sessionMiddleware, csrfMiddleware } from './session-middleware.js';
import { errorHandler } from './errors.js';
import { createMetrics } from './metrics.js';
import { buildOpenApi } from './openapi.js';
import { toHandler, type AnyRoute } from './route.js';
import type { HttpOptions } from './http-options.js';
import { authRoutes } from './routes/auth.js';
import { accountRoutes } from './routes/account.js';
import { districtRoutes } from './routes/district.js';
import { graduateRoutes } from './routes/graduates.js';
import { organisationRoutes } from './routes/organisations.js';
import { adminRoutes } from './routes/admin.js';
import { fairRoutes } from './routes/fairs.js';
import { boothRoutes } from './routes/booths.js';
import { jobRoutes } from './routes/jobs.js';
import { applicationRoutes } from './routes/applications.js';
import { interviewRoutes } from './routes/interviews.js';
import { offerRoutes } from './routes/offers.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { subsidyRoutes } from './routes/subsidies.js';
import { followUpRoutes } from './routes/followups.js';
import { reportRoutes } from './routes/reports.js';
import { registryRoutes } from './routes/registry.js';
import { caseRoutes } from './routes/cases.js';

export const API_PREFIX = '/api/v1';

export function apiRoutes(options: HttpOptions): AnyRoute[] {
  return [
    ...authRoutes(options),
    ...accountRoutes(options),
    ...districtRoutes(),
    ...graduateRoutes(),
    ...organisationRoutes(),
    ...adminRoutes(),
    ...fairRoutes(options),
    ...boothRoutes(),
    ...jobRoutes(),
    ...applicationRoutes(),
    ...interviewRoutes(),
    ...offerRoutes(),
    ...dashboardRoutes(),
    ...subsidyRoutes(),
    ...followUpRoutes(),
    ...reportRoutes(),
    ...registryRoutes(),
    ...caseRoutes(),
  ];
}

/** The Express application: API, health, metrics, OpenAPI and the built client. */
export function createApp(ctx: AppContext, options: HttpOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const routes = apiRoutes(options);
  const openApi = buildOpenApi(routes, API_PREFIX, options.version);
  const metrics = createMetrics(() => ctx.jobs.queues());
  const isHttps = options.publicUrl.startsWith('https:');

  app.use(
    pinoHttp({
      logger: ctx.logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // antd injects its styles at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'upgrade-insecure-requests': isHttps ? [] : null,
        },
      },
      strictTransportSecurity: isHttps,
    }),
  );
  app.use(metrics.middleware);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.all([
      ctx.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute().then(() => 'ok' as const, () => 'down' as const),
      ctx.redis.ping().then(() => 'ok' as const, () => 'down' as const),
    ]);
    const [database, redis] = checks;
    const isReady = checks.every((c) => c === 'ok');
    res.status(isReady ? 200 : 503).json({ status: isReady ? 'ok' : 'unavailable', checks: { database, redis } });
  });
  app.get('/metrics', async (_req, res, next) => {
    try {
      res.set('Content-Type', metrics.registry.contentType).send(await metrics.registry.metrics());
    } catch (error) {
      next(error);
    }
  });

  const api = express.Router();
  api.use(express.json({ limit: options.bodyLimit, strict: true }));
  api.use(sessionMiddleware(ctx));
  api.use(csrfMiddleware(options.publicUrl));
  api.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  for (const route of routes) api[route.method](route.path, toHandler(route, ctx));
  api.use((_req, _res, next) => next(new AppError('not_found', 'No such API route')));
  app.use(API_PREFIX, api);
  app.use('/api', (_req, _res, next) => next(new AppError('not_found', 'No such API route')));

  if (options.clientDir && fs.existsSync(path.join(options.clientDir, 'index.html'))) {
    const clientDir = options.clientDir;
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    app.get('/{*spa}', (_req, res) => {
      res.sendFile(path.join(clientDir, 'index.html'));
    });
  }
  app.use(errorHandler(ctx.logger));
  return app;
}
