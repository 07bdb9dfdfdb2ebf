package org.yizhan.station;

/**
 * What a station offers, with the OpenStreetMap tag each maps to so that feeds and
 * imports speak the same language as the map community ({@code null} where OSM has no
 * established tag).
 */
public enum Amenity implements Labelled {

	DRINKING_WATER("饮用水", "Drinking water", "drinking_water=yes"), HOT_WATER("热水", "Hot water", "hot_water=yes"),
	MICROWAVE("微波炉", "Microwave", "microwave=yes"), FRIDGE("冰箱", "Fridge", "fridge=yes"),
	TOILET("卫生间", "Toilet", "toilets=yes"), SEATING("桌椅休息", "Seating", "bench=yes"),
	AIR_CONDITIONING("空调", "Air conditioning", "air_conditioning=yes"), HEATING("取暖", "Heating", "heating=yes"),
	PHONE_CHARGING("手机充电", "Phone charging", "device_charging=yes"),
	EBIKE_CHARGING("电动车充电", "E-bike charging", "charging_station:bicycle=yes"),
	BATTERY_SWAP("换电", "Battery swap", "battery_swap=yes"), WIFI("无线网络", "Wi-Fi", "internet_access=wlan"),
	MEDICINE_KIT("应急药箱", "Medicine kit", "healthcare:first_aid_kit=yes"),
	FIRST_AID_AED("急救设备/AED", "First aid / AED", "emergency=defibrillator"),
	TOOL_KIT("工具箱", "Tool kit", "service:bicycle:tools=yes"), UMBRELLA("爱心雨伞", "Umbrella", "umbrella_sharing=yes"),
	BOOKS("书报", "Books and newspapers", "library=yes"), TV("电视", "TV", "tv=yes"),
	LOCKERS("储物柜", "Lockers", "lockers=yes"), LEGAL_SERVICE("法律服务", "Legal service", "service:legal=yes"),
	DISCOUNTED_MEALS("爱心餐/优惠餐", "Discounted meals", "discount:meal=yes"),
	HAIRCUT("爱心理发", "Haircut", "service:haircut=yes"), MOTHERS_ROOM("母婴室", "Mothers' room", "changing_table=yes"),
	WHEELCHAIR_ACCESS("无障碍通道", "Wheelchair access", "wheelchair=yes");

	private final Label label;

	private final String osmTag;

	Amenity(String labelZh, String labelEn, String osmTag) {
		this.label = new Label(labelZh, labelEn);
		this.osmTag = osmTag;
	}

	@Override
	public Label label() {
		return label;
	}

	/** The OSM tag ({@code key=value}) this amenity is published as. */
	public String osmTag() {
		return osmTag;
	}

}
