import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolGroup,
  UserPoolOperation,
  UserPoolResourceServer,
  type StandardAttributesMask,
} from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ROLES, type Role } from '../../domain/roles';
import { DISTRIBUTOR_ATTRIBUTE_NAME } from '../../functions/auth/attributes';
import { STAFF_SCOPE, type Trigger } from '../topology';

/** `support-ledger/staff` → resource server `support-ledger`, scope `staff`. */
const [RESOURCE_SERVER, STAFF_SCOPE_NAME] = STAFF_SCOPE.split('/') as [string, string];

/** One user-pool group per role; a user's groups reach handlers as the `cognito:groups` claim. */
export const ROLE_GROUP_DESCRIPTIONS = {
  'agent-l0': "Distributor agent (level-0 support): sees only its own distributor's customers",
  'agent-l1': "Vendor's level-1 support agent",
  billing: "Vendor's billing staff",
  dpo: "Vendor's data protection officer",
  admin: "Vendor's administrator",
} as const satisfies Record<Role, string>;

/**
 * Standard attributes staff may change about themselves through the app client. Not `email`: it
 * is the sign-in name and the only recovery channel, so only an administrator changes it. No
 * custom attribute either: `custom:distributorId` decides which customers an agent sees.
 */
export const SELF_WRITABLE_ATTRIBUTES: StandardAttributesMask = {
  fullname: true,
  givenName: true,
  familyName: true,
  locale: true,
  timezone: true,
};

/**
 * The pre token generation event version: V2_0 lets the trigger change access tokens (user
 * sign-in only, which is all staff do). It needs the Essentials or Plus feature plan.
 */
export const TOKEN_TRIGGER_VERSION = LambdaVersion.V2_0;

type CognitoTrigger = Extract<Trigger, { kind: 'cognito' }>;

const OPERATIONS: Record<CognitoTrigger['event'], UserPoolOperation> = {
  preTokenGeneration: UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
};

export interface StaffAuthProps {
  /** Where the hosted login returns staff after sign-in (authorization code flow with PKCE). */
  callbackUrls: string[];
}

/**
 * Staff sign-in: a Cognito user pool that only administrators add users to, with TOTP MFA
 * required, the Plus feature plan (threat protection enforced; it also allows access-token
 * customization), one group per role, the custom attribute `distributorId` that only
 * administrators set, a resource server `support-ledger` with the `staff` scope, a public app
 * client and a JWT authorizer for the API.
 */
export class StaffAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly authorizer: HttpJwtAuthorizer;
  readonly groups: Record<Role, UserPoolGroup>;

  constructor(scope: Construct, id: string, props: StaffAuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      customAttributes: {
        [DISTRIBUTOR_ATTRIBUTE_NAME]: new StringAttribute({ mutable: true, minLen: 1, maxLen: 128 }),
      },
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.groups = Object.fromEntries(
      ROLES.map((role) => [
        role,
        this.userPool.addGroup(`Group-${role}`, { groupName: role, description: ROLE_GROUP_DESCRIPTIONS[role] }),
      ]),
    ) as Record<Role, UserPoolGroup>;
    const staffScope = new ResourceServerScope({ scopeName: STAFF_SCOPE_NAME, scopeDescription: 'Staff of the support vendor' });
    const resourceServer = new UserPoolResourceServer(this, 'ResourceServer', {
      userPool: this.userPool,
      identifier: RESOURCE_SERVER,
      scopes: [staffScope],
    });
    this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: `support-ledger-${Aws.ACCOUNT_ID}` } });
    this.client = this.userPool.addClient('StaffClient', {
      generateSecret: false,
      preventUserExistenceErrors: true,
      authFlows: { userSrp: true },
      // Without this list a client may write every mutable attribute, custom:distributorId too.
      writeAttributes: new ClientAttributes().withStandardAttributes(SELF_WRITABLE_ATTRIBUTES),
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [
          OAuthScope.OPENID,
          OAuthScope.EMAIL,
          OAuthScope.resourceServer(resourceServer, staffScope),
        ],
        callbackUrls: props.callbackUrls,
      },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
    });
    this.authorizer = new HttpJwtAuthorizer('StaffJwt', this.userPool.userPoolProviderUrl, {
      jwtAudience: [this.client.userPoolClientId],
    });
  }

  /** Lets Cognito invoke `fn` for the declared user-pool event (one function per event). */
  addTrigger(trigger: CognitoTrigger, fn: IFunction): void {
    const operation = OPERATIONS[trigger.event];
    this.userPool.addTrigger(
      operation,
      fn,
      operation === UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG ? TOKEN_TRIGGER_VERSION : undefined,
    );
  }
}
