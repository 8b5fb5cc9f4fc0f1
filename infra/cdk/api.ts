import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  LogGroupLogDestination,
  type CfnStage,
  type HttpRoute,
  type HttpStage,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { cors, STAFF_SCOPE, type Trigger } from '../topology';
import { LOG_RETENTION } from './functions';
import { acknowledge } from './nag';

type HttpTrigger = Extract<Trigger, { kind: 'http' }>;

/** Throttling of every route of the stage; public routes get the tighter `publicApi.rateLimit`. */
export const STAGE_THROTTLE = { rateLimit: 50, burstLimit: 100 };

/** Request headers browsers may send cross-origin. */

/**
 * One JSON line per request. No source IP and no user identity: those are personal data with
 * retention rules of their own, and these logs are kept a month.
 */
export const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationStatus: '$context.integration.status',
    integrationLatency: '$context.integrationLatency',
    errorMessage: '$context.error.message',
    authorizerError: '$context.authorizer.error',
  }),
);

export interface LedgerApiProps {
  allowedOrigins: string[];
  /** Every method some route uses, for the CORS preflight answer. */
  methods: HttpTrigger['method'][];
  staffAuthorizer: IHttpRouteAuthorizer;
  publicRateLimit: { requestsPerSecond: number; burst: number };
}

/**
 * The HTTP API: one route per `http` trigger, staff routes behind the JWT authorizer and the
 * staff scope, public routes throttled per route; CORS preflight answered by API Gateway;
 * access logs in their own log group.
 */
export class LedgerApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  private readonly props: LedgerApiProps;
  private readonly integrations = new Map<IFunction, HttpLambdaIntegration>();

  constructor(scope: Construct, id: string, props: LedgerApiProps) {
    super(scope, id);
    this.props = props;
    this.api = new HttpApi(this, 'Api', {
      apiName: 'support-ledger',
      description: 'support-ledger: staff and public routes',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.allowedOrigins,
        allowMethods: [...[...new Set(props.methods)].map((method) => CorsHttpMethod[method]), CorsHttpMethod.OPTIONS],
        allowHeaders: cors.allowHeaders,
        exposeHeaders: cors.exposeHeaders,
        maxAge: Duration.seconds(cors.maxAgeSeconds),
      },
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: LOG_RETENTION });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
  }

  get url(): string {
    return this.stage.url;
  }

  /** Adds the route a trigger declares, integrated with the function `name` of the topology. */
  route(name: string, trigger: HttpTrigger, fn: IFunction): HttpRoute {
    const [route] = this.api.addRoutes({
      path: trigger.path,
      methods: [HttpMethod[trigger.method]],
      integration: this.integration(name, fn),
      ...(trigger.auth === 'staff' ? { authorizer: this.props.staffAuthorizer, authorizationScopes: [STAFF_SCOPE] } : {}),
    });
    if (trigger.auth === 'public') this.throttlePublicRoute(route, `${trigger.method} ${trigger.path}`);
    return route!;
  }

  private integration(name: string, fn: IFunction): HttpLambdaIntegration {
    let integration = this.integrations.get(fn);
    if (!integration) {
      integration = new HttpLambdaIntegration(`${name}Integration`, fn);
      this.integrations.set(fn, integration);
    }
    return integration;
  }

  private throttlePublicRoute(route: HttpRoute, routeKey: string): void {
    const { requestsPerSecond, burst } = this.props.publicRateLimit;
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    const settings = (cfnStage.routeSettings ?? {}) as Record<string, unknown>;
    cfnStage.routeSettings = {
      ...settings,
      [routeKey]: { ThrottlingRateLimit: requestsPerSecond, ThrottlingBurstLimit: burst },
    };
    // Route settings name a route key, which must exist before the stage refers to it.
    this.stage.node.addDependency(route);
    acknowledge(route, 'publicRoute');
  }
}
