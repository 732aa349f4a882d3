import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { secureCookies } from "../config/public-url";
import { sessionSecret } from "../config/secret";
import { db } from "../db/client";
import { SESSION_MAX_AGE_SECONDS } from "./session-token";
import { authorizeCredentials, endSessionOnSignOut, renewedToken, signedInToken } from "./sign-in";
import { type SessionUser, userForOidcIdentity } from "./users";

/** The generic OIDC provider, switched on by OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET. */
export function oidcConfig() {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = process.env;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer: issuer.replace(/\/+$/, ""),
    clientId,
    clientSecret,
    name: process.env.OIDC_NAME ?? "Single sign-on",
  };
}

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
}

function providers(): AuthOptions["providers"] {
  const list: AuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorizeCredentials(db(), credentials, req.headers),
    }),
  ];
  const oidc = oidcConfig();
  if (oidc) {
    list.push({
      id: "oidc",
      name: oidc.name,
      type: "oauth",
      wellKnown: `${oidc.issuer}/.well-known/openid-configuration`,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      idToken: true,
      checks: ["pkce", "state"],
      authorization: { params: { scope: "openid email profile" } },
      profile: (profile: OidcProfile) => ({
        id: profile.sub,
        email: profile.email ?? null,
        name: profile.name ?? profile.email ?? null,
      }),
    });
  }
  return list;
}

export function authOptions(): AuthOptions {
  return {
    secret: sessionSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: secureCookies(),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: providers(),
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        return Boolean((profile as OidcProfile | undefined)?.email);
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === "oidc" && profile) {
          const p = profile as OidcProfile;
          return signedInToken(
            token,
            await userForOidcIdentity(db(), { provider: "oidc", subject: p.sub, email: p.email!, name: p.name }),
          );
        }
        if (user) return signedInToken(token, user as SessionUser);
        return renewedToken(db(), token);
      },
      async session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
    events: { signOut: ({ token }) => endSessionOnSignOut(db(), token) },
  };
}
