package io.linia.accounts.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByDigest(String digest);

    List<ApiToken> findByUserIdOrderByCreatedAtDesc(Long userId);
}
