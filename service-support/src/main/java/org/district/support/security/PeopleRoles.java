package org.district.support.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A person signed in through the identity provider is never a device: a DEVICE role in a token (a realm role someone
 * created, a group mapped by mistake) is dropped, so only a device's own enrolment credential admits it to what devices
 * may do. Runs after every other augmentor, the role mapping included.
 */
@ApplicationScoped
public class PeopleRoles implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken)
                || !identity.getRoles().contains(Roles.DEVICE)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> roles = new HashSet<>(identity.getRoles());
        roles.remove(Roles.DEVICE);
        QuarkusSecurityIdentity.Builder person = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .setAnonymous(false)
                .addRoles(roles)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes());
        person.addPermissionChecker(identity::checkPermission);
        return Uni.createFrom().item(person.build());
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }
}
