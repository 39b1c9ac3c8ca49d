/**
 * Development HTTPS certificates for https://localhost:3000, from office-addin-dev-certs.
 *
 * They live under ~/.office-addin-dev-certs. They are read only when serving (webpack serve /
 * npm start), never for a production build. When they are missing they are generated locally
 * (no network). Trusting the CA needs administrator rights (sudo on Linux), so it is left to
 * `npx office-addin-dev-certs install` and reported, not forced.
 */
"use strict";
const fs = require("fs");

function paths() {
  const d = require("office-addin-dev-certs/lib/defaults");
  return { dir: d.certificateDirectory, ca: d.caCertificatePath, cert: d.localhostCertificatePath, key: d.localhostKeyPath };
}

function haveCerts() {
  const p = paths();
  return [p.ca, p.cert, p.key].every((f) => fs.existsSync(f));
}

/** Make sure the files exist (generating them locally when not); returns their paths and whether they were new. */
async function ensureDevCerts() {
  const p = paths();
  if (haveCerts()) return { ...p, generated: false };
  const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
  await generateCertificates(p.ca, p.cert, p.key);
  return { ...p, generated: true };
}

/** {ca, cert, key} buffers for an HTTPS server. */
async function httpsServerOptions() {
  const p = await ensureDevCerts();
  return { ca: fs.readFileSync(p.ca), cert: fs.readFileSync(p.cert), key: fs.readFileSync(p.key) };
}

module.exports = { paths, haveCerts, ensureDevCerts, httpsServerOptions };
