/** @type {import('next').NextConfig} */
const nextConfig = {
  // Standalone output gives the Dockerfile a minimal runtime image.
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  // pg and the PGlite wire server are Node-only; keep them out of the bundler.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', '@electric-sql/pglite', 'prom-client', 'bcryptjs'],
};

export default nextConfig;
