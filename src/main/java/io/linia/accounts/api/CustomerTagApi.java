package io.linia.accounts.api;

import io.linia.accounts.Actor;
import io.linia.accounts.CustomerTags;
import io.linia.shared.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.SortedSet;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tags on customers ("vip", "юрлицо"): staff read, put on and take off; customers never see them. */
@RestController
@RequestMapping("/api/v1/customers/{userId}/tags")
@Tag(name = "Customers")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "basic")
class CustomerTagApi {

    /** A customer's tags, in alphabetical order. */
    record CustomerTagList(long userId, SortedSet<String> tags) {
    }

    /** A tag to put on: one word of letters, digits and - _ . (at most 40), stored in lower case with ё as е. */
    record NewTag(@Schema(example = "vip", maxLength = 40) String tag) {
    }

    private final CustomerTags tags;

    CustomerTagApi(CustomerTags tags) {
        this.tags = tags;
    }

    @GetMapping
    @Operation(summary = "Staff: a customer's tags (404 for an unknown user)")
    CustomerTagList list(Actor actor, @PathVariable long userId) {
        return new CustomerTagList(userId, tags.tags(actor, userId));
    }

    @PostMapping
    @Operation(summary = "Staff: put a tag on a customer (stored in lower case; one they have already changes nothing)",
            description = "400 names the field \"tag\" when it is not one word of letters, digits and - _ . of at most 40 characters.")
    CustomerTagList add(Actor actor, @PathVariable long userId, @RequestBody NewTag body) {
        return new CustomerTagList(userId, tags.add(actor, userId, body.tag()));
    }

    @DeleteMapping("/{tag}")
    @Operation(summary = "Staff: take a tag off a customer (written in any case; one they do not have changes nothing)")
    CustomerTagList remove(Actor actor, @PathVariable long userId, @PathVariable String tag) {
        return new CustomerTagList(userId, tags.remove(actor, userId, Tags.require("tag", tag)));
    }
}
