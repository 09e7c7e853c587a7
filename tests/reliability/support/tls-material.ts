// A private CA and a broker certificate it signed (SAN 127.0.0.1), made with openssl, so the
// pipeline's TLS settings are tested against a CA no system trust store knows.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export interface TlsMaterial {
  caFile: string;
  /** PKCS#8 key followed by the certificate: Kafka's PEM keystore. */
  keystoreFile: string;
}

export function makeTlsMaterial(dir: string): TlsMaterial {
  const run = (args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=casepulse reliability test CA"]);
  run(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "broker.key", "-out", "broker.csr", "-subj", "/CN=127.0.0.1"]);
  writeFileSync(join(dir, "san.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  run(["x509", "-req", "-in", "broker.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "broker.crt", "-days", "2", "-extfile", "san.cnf"]);
  const key = run(["pkcs8", "-topk8", "-nocrypt", "-in", "broker.key"]);
  const cert = run(["x509", "-in", "broker.crt"]);
  writeFileSync(join(dir, "broker-keystore.pem"), Buffer.concat([key, cert]));
  return { caFile: join(dir, "ca.pem"), keystoreFile: join(dir, "broker-keystore.pem") };
}
