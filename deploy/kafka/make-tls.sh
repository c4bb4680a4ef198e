#!/usr/bin/env bash
# Makes the compose deployment's Kafka TLS material once (docker-compose.yml, service kafka-tls): a certificate
# authority of this installation and the broker's certificate for the names clients reach it by (kafka, localhost),
# signed by it, with the JDK's keytool of the Kafka image. The broker's key and chain go to /tls (broker.p12, readable by
# the broker alone); the authority's certificate, all that clients need to trust the broker, goes to /ca (ca.crt).
# The authority's key stays in /tls. Does nothing when both exist, so restarts keep the certificates.
set -euo pipefail
umask 077
PASSWORD="${KAFKA_TLS_PASSWORD:?KAFKA_TLS_PASSWORD is not set}"
if [ -s /tls/broker.p12 ] && [ -s /ca/ca.crt ]; then
  echo "Kafka TLS material exists"
  exit 0
fi
STORE=(-storetype PKCS12 -storepass "$PASSWORD" -keypass "$PASSWORD")
rm -f /tls/ca.p12 /tls/broker.p12 /tls/broker.crt
keytool -genkeypair -alias ca -keyalg EC -groupname secp256r1 -validity 3650 \
  -dname "CN=District devices Kafka CA" -ext bc:c -keystore /tls/ca.p12 "${STORE[@]}"
keytool -exportcert -rfc -alias ca -keystore /tls/ca.p12 -storepass "$PASSWORD" >/tls/ca.crt
keytool -genkeypair -alias broker -keyalg EC -groupname secp256r1 -validity 3650 -dname "CN=kafka" \
  -keystore /tls/broker.p12 "${STORE[@]}"
keytool -certreq -alias broker -keystore /tls/broker.p12 -storepass "$PASSWORD" \
  | keytool -gencert -alias ca -keystore /tls/ca.p12 -storepass "$PASSWORD" -validity 3650 -rfc \
    -ext "SAN=dns:kafka,dns:localhost,ip:127.0.0.1" -ext "KU=digitalSignature" -ext "EKU=serverAuth,clientAuth" \
    >/tls/broker.crt
keytool -importcert -noprompt -alias ca -file /tls/ca.crt -keystore /tls/broker.p12 -storepass "$PASSWORD"
keytool -importcert -noprompt -alias broker -file /tls/broker.crt -keystore /tls/broker.p12 -storepass "$PASSWORD"
install -m 0644 /tls/ca.crt /ca/ca.crt
# The broker runs as the image's own user.
chown -R appuser:appuser /tls
echo "Kafka TLS material made"
