import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StandardThreatProtectionMode,
  UserPool,
  UserPoolClient,
  UserPoolResourceServer,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { STAFF_SCOPE } from '../topology';

/** `support-ledger/staff` → resource server `support-ledger`, scope `staff`. */
const [RESOURCE_SERVER, STAFF_SCOPE_NAME] = STAFF_SCOPE.split('/') as [string, string];

export interface StaffAuthProps {
  /** Where the hosted login returns staff after sign-in (authorization code flow with PKCE). */
  callbackUrls: string[];
}

/**
 * Staff sign-in: a Cognito user pool that only administrators add users to, with TOTP MFA
 * required, the Plus feature plan (threat protection enforced), a resource server
 * `support-ledger` with the `staff` scope, a public app client and a JWT authorizer for the API.
 */
export class StaffAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly authorizer: HttpJwtAuthorizer;

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
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
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
}
