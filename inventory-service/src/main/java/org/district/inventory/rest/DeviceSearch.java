package org.district.inventory.rest;

import jakarta.ws.rs.QueryParam;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.DeviceType;
import org.district.contracts.inventory.Ownership;
import org.district.inventory.domain.DeviceFilter;
import org.district.inventory.domain.DeviceOrder;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of a device search or export, as a resource method's {@code @BeanParam}; all optional, ANDed. */
public class DeviceSearch extends SchoolSearch {

    @QueryParam("status")
    @Parameter(
            description = "One status or several, comma-separated (ASSIGNED,IN_STOCK), any case",
            style = ParameterStyle.FORM,
            explode = Explode.FALSE,
            example = "[\"ASSIGNED\", \"IN_STOCK\"]",
            schema = @Schema(type = SchemaType.ARRAY, implementation = DeviceStatus.class))
    String status;

    @QueryParam("type")
    @Parameter(
            description = "Device type, for example LAPTOP or CHROMEBOOK (any case)",
            example = "LAPTOP",
            schema = @Schema(implementation = DeviceType.class))
    String type;

    @QueryParam("ownership")
    @Parameter(
            description = "DISTRICT or PERSONAL (any case)",
            example = "DISTRICT",
            schema = @Schema(implementation = Ownership.class))
    String ownership;

    @QueryParam("assignee")
    @Parameter(
            description = "The holder: a person id or district id (any case), at most 40 characters; one nobody knows"
                    + " gives an empty page",
            example = "E10234",
            schema = @Schema(type = SchemaType.STRING, maxLength = 40))
    String assignee;

    @QueryParam("q")
    @Parameter(
            description = "Text in the asset tag, serial number, make or model: 3 to 100 characters",
            example = "Latitude",
            schema = @Schema(type = SchemaType.STRING, minLength = 3, maxLength = 100))
    String text;

    @QueryParam("sensitive")
    @Parameter(
            description = "true for the devices that hold sensitive data, false for those that do not (also 1/0,"
                    + " yes/no); absent for all. For IT staff and auditors: ignored for anyone else, who does not see"
                    + " which devices hold some",
            example = "true",
            schema = @Schema(type = SchemaType.BOOLEAN))
    String sensitive;

    @QueryParam("sort")
    @Parameter(
            description = "The order: assetTag (the default), device (make and model), type, status, school or holder"
                    + " (family name, then given name; devices without a holder first); a leading - for"
                    + " descending. Ties are listed in asset-tag order.",
            example = "-status",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {
                                "assetTag",
                                "-assetTag",
                                "device",
                                "-device",
                                "type",
                                "-type",
                                "status",
                                "-status",
                                "school",
                                "-school",
                                "holder",
                                "-holder"
                            }))
    String sort;

    private DeviceOrder order = DeviceOrder.DEFAULT;

    /**
     * The filter every parameter but the holder gives (the caller resolves it), with every bad parameter named at
     * once.
     */
    DeviceFilter filter() {
        ParamCheck check = new ParamCheck();
        DeviceFilter filter = new DeviceFilter(
                check.get(() -> Params.enumSet("status", status, DeviceStatus.class)),
                check.get(() -> Params.enumValue("type", type, DeviceType.class)),
                check.get(this::school),
                check.get(() -> Params.enumValue("ownership", ownership, Ownership.class)),
                null,
                check.get(() -> Params.searchText("q", text, 100)),
                null,
                check.get(() -> Requests.optionalFlag("sensitive", sensitive)),
                false);
        check.get(this::assignee);
        order = check.get(() -> DeviceOrder.parse("sort", sort));
        check.done();
        return filter;
    }

    /** The order asked for, once {@link #filter()} has read the parameters. */
    DeviceOrder order() {
        return order;
    }

    /** The holder as sent (a person id or district id); null when absent. */
    String assignee() {
        return Params.text("assignee", assignee, 40);
    }
}
