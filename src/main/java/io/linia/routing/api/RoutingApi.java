package io.linia.routing.api;

import io.linia.routing.CategoryRef;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Groups and categories")
class RoutingApi {

    private final RoutingDirectory routing;

    RoutingApi(RoutingDirectory routing) {
        this.routing = routing;
    }

    @GetMapping("/groups")
    List<GroupRef> groups() {
        return routing.activeGroups();
    }

    @GetMapping("/categories")
    List<CategoryRef> categories() {
        return routing.activeCategories();
    }
}
