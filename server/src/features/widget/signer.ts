import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { JifenError } from '../../domain/errors';
import { RESIDENT_TOKEN_TYPE, STATEMENT_TYPE, type StatementClaims } from '../../domain/eligibility/statement';
import { SIGNING_ALG, type SigningKeys } from './signing-keys';

/** How long a statement stays valid: long enough for a partner's enrolment form to be submitted. */
export const STATEMENT_TTL_SECONDS = 24 * 3600;

/** What a valid widget token names: a grant (the resident's consent) for one scenario. */
export interface ResidentTokenClaims {
  grantId: string;
  /** `ruleSetId/scenarioId`. */
  scenario: string;
}

/** The algorithm of widget tokens: only Jifen verifies them, with a secret of its own. */
const TOKEN_ALG = 'HS256';

/**
 * Signs statements with Jifen's published signing key (ES256, with its `kid`; partners verify them against
 * the JWKS), and residents' widget tokens with a separate secret (HS256) that only Jifen holds, and
 * verifies widget tokens. The two never pass for each other: separate keys, each its own `typ` and audience.
 *
 * @example
 * const signer = createSigner(keys, tokenSecret);
 * const jws = await signer.statement(claims, { issuer: 'https://jifen.example', audience: 'ptn-1', now: new Date() });
 */
export function createSigner(keys: SigningKeys, tokenSecret: Uint8Array) {
  const header = (typ: string) => ({ alg: SIGNING_ALG, kid: keys.kid, typ });
  return {
    jwks: keys.jwks,

    statement(claims: StatementClaims, options: { issuer: string; audience: string; now: Date }): Promise<string> {
      const iat = Math.floor(options.now.getTime() / 1000);
      return new SignJWT({ ...claims } satisfies JWTPayload)
        .setProtectedHeader(header(STATEMENT_TYPE))
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setSubject(claims.scenario)
        .setIssuedAt(iat)
        .setExpirationTime(iat + STATEMENT_TTL_SECONDS)
        .setJti(randomBytes(12).toString('base64url'))
        .sign(keys.privateKey);
    },

    residentToken(claims: ResidentTokenClaims, options: { issuer: string; now: Date; expiresAt: Date }): Promise<string> {
      return new SignJWT({ scn: claims.scenario })
        .setProtectedHeader({ alg: TOKEN_ALG, typ: RESIDENT_TOKEN_TYPE })
        .setIssuer(options.issuer)
        .setAudience('jifen-widget')
        .setIssuedAt(Math.floor(options.now.getTime() / 1000))
        .setExpirationTime(Math.floor(options.expiresAt.getTime() / 1000))
        .setJti(claims.grantId)
        .sign(tokenSecret);
    },

    /** The token's claims; `unauthorized` with the reason when it is malformed, forged or expired. */
    async verifyResidentToken(token: string, now: Date): Promise<ResidentTokenClaims> {
      try {
        const { payload } = await jwtVerify(token, tokenSecret, {
          algorithms: [TOKEN_ALG],
          typ: RESIDENT_TOKEN_TYPE,
          audience: 'jifen-widget',
          currentDate: now,
          requiredClaims: ['jti', 'exp'],
        });
        if (typeof payload.scn !== 'string' || typeof payload.jti !== 'string') throw new errors.JWTClaimValidationFailed('scn missing', payload);
        return { grantId: payload.jti, scenario: payload.scn };
      } catch (error) {
        if (error instanceof errors.JWTExpired) {
          throw new JifenError('token_expired', { en: 'Widget: the resident token has expired; open the widget again from your Jifen app', zh: '居民令牌已过期，请在积分应用中重新打开' });
        }
        if (error instanceof errors.JOSEError || error instanceof TypeError) {
          throw new JifenError('token_invalid', { en: 'Widget: the resident token is not valid; open the widget again from your Jifen app', zh: '居民令牌无效，请在积分应用中重新打开' });
        }
        throw error;
      }
    },
  };
}
export type Signer = ReturnType<typeof createSigner>;
