import { NextResponse, type NextRequest } from 'next/server';

// Optimistic redirect only: no database, no authorization. Every page, server action and
// route handler checks the session and permission itself in lib/server.
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession) {
    const url = new URL('/login', request.url);
    url.searchParams.set('callbackUrl', request.nextUrl.pathname);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = {
  // Pages only: APIs answer 401 themselves; static assets and the sign-in page stay public.
  matcher: ['/((?!api|graphql|login|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)'],
};
