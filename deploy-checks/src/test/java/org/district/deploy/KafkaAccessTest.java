package org.district.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.district.contracts.Topics;
import org.district.testing.TestKafka;
import org.junit.jupiter.api.Test;

/**
 * The broker the tests run against (scripts/kafka.sh, set up as production is) admits only signed-in clients over TLS,
 * proves itself with a certificate of the district's own certificate authority, and
 * each service's user may do only what deploy/kafka/access.txt grants: a stolen service password, or any client that
 * reaches the broker, cannot publish a loss report or an offboarding. Every attempt here is refused before anything is
 * written, so the shared test topics stay clean. (That the services can do their own work under these grants is shown
 * by every service test, which all run as the service's own user.)
 */
class KafkaAccessTest {

    private static final String BROKER = System.getProperty("district.kafka", "127.0.0.1:9192");

    @Test
    void aClientThatDoesNotSignInIsNotServed() {
        Properties plain = new Properties();
        plain.put("bootstrap.servers", BROKER);
        try (KafkaProducer<String, String> producer = producer(plain)) {
            Throwable refused = sendTo(producer, Topics.LOSS_REPORTS);
            assertThat(refused)
                    .as("a client without a password publishes nothing")
                    .isNotNull();
        }
    }

    @Test
    void aClientWithTheRightPasswordButNoTlsIsNotServed() {
        // A service's own user and password, sent in the clear: the broker takes no plaintext connection at all, so
        // neither a password nor an event can be read off the network.
        Properties plaintext = withoutTls(TestKafka.user(BROKER, "inventory-service"));
        plaintext.put("security.protocol", "SASL_PLAINTEXT");
        try (KafkaProducer<String, String> producer = producer(plaintext)) {
            assertThat(sendTo(producer, Topics.DEVICES))
                    .as("a plaintext client publishes nothing")
                    .isNotNull();
        }
    }

    @Test
    void aClientTrustsTheBrokerOnlyThroughTheDistrictsCertificateAuthority() {
        // Trusting only the public authorities the JDK knows: the broker's certificate is not one of theirs, so a
        // client never signs in to a broker that cannot prove it is the district's.
        Properties publicCas = withoutTls(TestKafka.user(BROKER, "inventory-service"));
        try (KafkaProducer<String, String> producer = producer(publicCas)) {
            Throwable refused = sendTo(producer, Topics.DEVICES);
            assertThat(refused).isNotNull();
            assertThat(causes(refused)).anyMatch(SslAuthenticationException.class::isInstance);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (KafkaProducer<String, String> producer =
                producer(TestKafka.as(BROKER, "inventory-service", "guessed-" + UUID.randomUUID()))) {
            assertThat(rootOf(sendTo(producer, Topics.DEVICES))).isInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void eachServicePublishesOnlyItsOwnEvents() {
        record Attempt(String user, String topic) {}
        for (Attempt attempt : List.of(
                new Attempt("inventory-service", Topics.LOSS_REPORTS),
                new Attempt("inventory-service", Topics.OFFBOARDINGS),
                new Attempt("checkin-service", Topics.LOSS_REPORTS),
                new Attempt("checkin-service", Topics.DEVICES),
                new Attempt("loss-report-service", Topics.OFFBOARDINGS),
                new Attempt("loss-report-service", Topics.DEVICE_ALERTS),
                new Attempt("hr-feed", Topics.LOSS_REPORTS),
                new Attempt("hr-feed", Topics.PEOPLE))) {
            try (KafkaProducer<String, String> producer = producer(TestKafka.user(BROKER, attempt.user()))) {
                assertThat(rootOf(sendTo(producer, attempt.topic())))
                        .as("%s publishing to %s", attempt.user(), attempt.topic())
                        .isInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void aServiceReadsOnlyWhatItConsumesInItsOwnGroups() {
        // Check-in may not join the IT notifier's group (and so move its offsets), nor read notifications' dead
        // letters; the HR system may not read the people snapshots (names, e-mail addresses).
        Throwable foreignGroup = poll(TestKafka.user(BROKER, "checkin-service"), "it-notifier", Topics.LOSS_REPORTS);
        assertThat(rootOf(foreignGroup)).isInstanceOf(GroupAuthorizationException.class);
        Throwable foreignTopic = poll(
                TestKafka.user(BROKER, "checkin-service"),
                "checkin-probe-" + UUID.randomUUID(),
                Topics.NOTIFICATIONS_DEAD_LETTER);
        assertThat(rootOf(foreignTopic)).isInstanceOf(TopicAuthorizationException.class);
        Throwable hr = poll(TestKafka.user(BROKER, "hr-feed"), "hr-probe-" + UUID.randomUUID(), Topics.PEOPLE);
        assertThat(rootOf(hr)).isInstanceOfAny(TopicAuthorizationException.class, GroupAuthorizationException.class);
    }

    private static KafkaProducer<String, String> producer(Properties props) {
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 8_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 7_000);
        return new KafkaProducer<>(props);
    }

    /** What stopped a record from being published to the topic, or null when it was published. */
    private static Throwable sendTo(KafkaProducer<String, String> producer, String topic) {
        return catchThrowable(() -> producer.send(new ProducerRecord<>(topic, "forged", "{\"forged\": true}"))
                .get());
    }

    /** What stopped the consumer from reading the topic in the group, or null when it could. */
    private static Throwable poll(Properties props, String group, String topic) {
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            return catchThrowable(() -> {
                for (int i = 0; i < 20; i++) {
                    consumer.poll(Duration.ofMillis(500));
                }
            });
        }
    }

    /** The settings without the district's certificate authority (the JDK's default trust store instead). */
    private static Properties withoutTls(Properties props) {
        props.remove("ssl.truststore.type");
        props.remove("ssl.truststore.location");
        return props;
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }

    private static Throwable rootOf(Throwable t) {
        if (t == null) {
            return null;
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
