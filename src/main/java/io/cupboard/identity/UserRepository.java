package io.cupboard.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserRepository extends JpaRepository<User, Long> {

    @Query("select u from User u where lower(u.username) = lower(?1)")
    Optional<User> findByUsername(String username);

    List<User> findByTeamIdOrderByDisplayName(Long teamId);

    List<User> findByTeamIdAndRoleAndActiveTrueOrderByDisplayName(Long teamId, Role role);

    List<User> findAllByOrderByRoleAscDisplayNameAsc();

    boolean existsByRole(Role role);

    long countByRoleAndActiveTrue(Role role);

    long countByTeamIdAndActiveTrue(Long teamId);
}
