package org.yizhan.station;

/**
 * What kind of place hosts a station (承建单位类型).
 */
public enum HostType implements Labelled {

	SANITATION_DEPOT("环卫站所", "Sanitation depot"), PUBLIC_TOILET("公共厕所", "Public toilet"),
	GOVERNMENT_SERVICE_HALL("政务服务大厅", "Government service hall"),
	PARTY_MASS_SERVICE_CENTRE("党群服务中心", "Party-mass service centre"), COMMUNITY_CENTRE("社区服务中心", "Community centre"),
	BANK("银行网点", "Bank"), PETROL_STATION("加油站", "Petrol station"), POST_OFFICE("邮政网点", "Post office"),
	TELECOM_SHOP("通信营业厅", "Telecom shop"), MERCHANT_RESTAURANT("爱心商户/餐饮", "Merchant or restaurant"),
	SUPERMARKET("商超", "Supermarket"), HOTEL("酒店", "Hotel"), ENTERPRISE("企业", "Enterprise"),
	TOURIST_CENTRE("游客服务中心", "Tourist centre"), TRAFFIC_POLICE_POST("交警岗亭", "Traffic police post"),
	CONSTRUCTION_SITE("建筑工地", "Construction site"), OTHER("其他", "Other");

	private final Label label;

	HostType(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return label;
	}

}
