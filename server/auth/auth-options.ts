import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { sessionSecret } from "../config/secret";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { userForOidcIdentity, verifyCredentials } from "./users";

/** The generic OIDC provider, switched on by OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET. */
export function oidcConfig() {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = process.env;
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer: issuer.replace(/\/+$/, ""), clientId, clientSecret, name: process.env.OIDC_NAME ?? "Single sign-on" };
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
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        try {
          return await verifyCredentials(db(), { email: credentials.email, password: credentials.password });
        } catch (err) {
          // next-auth passes a thrown message to the sign-in page as ?error=…, which shows it to the user.
          if (err instanceof AppError) throw new Error(err.message);
          throw err;
        }
      },
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
      profile: (profile: OidcProfile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null }),
    });
  }
  return list;
}

export function authOptions(): AuthOptions {
  return {
    secret: sessionSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
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
          const local = await userForOidcIdentity(db(), { provider: "oidc", subject: p.sub, email: p.email!, name: p.name });
          token.sub = local.id;
          token.name = local.name;
          token.email = local.email;
        } else if (user) {
          token.sub = user.id;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
