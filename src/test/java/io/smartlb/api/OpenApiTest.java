package io.smartlb.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes what the API takes and answers, not the Java classes behind it. */
@QuarkusTest
class OpenApiTest {

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void dataAndResult_areAnyJson_notJacksonsJsonNode() {
        JsonPath doc = document();

        Map<String, Object> any = doc.getMap("components.schemas.AnyJson");
        assertThat(any).containsKey("description").doesNotContainKeys("type", "properties");
        assertThat(doc.getString("components.schemas.SubmitRequest.properties.data.toString()")).contains("AnyJson");
        assertThat(doc.getString("components.schemas.JobView.properties.result.toString()")).contains("AnyJson");
        assertThat(doc.getMap("components.schemas")).doesNotContainKey("JsonNode");
    }

    @Test
    void submit_listsEveryStatusItAnswers() {
        Map<String, Object> responses = document().getMap("paths.'/jobs'.post.responses");

        assertThat(responses).containsKeys("200", "202", "400", "406", "409", "413", "415", "422", "429", "500", "502",
                "503", "504");
    }
}
