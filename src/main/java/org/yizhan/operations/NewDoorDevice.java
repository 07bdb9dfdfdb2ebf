package org.yizhan.operations;

/**
 * A door device just registered, with its secret: the only time the secret is shown. It
 * is kept sealed and cannot be shown again; a lost secret means registering the device
 * anew.
 *
 * @param device the device
 * @param secret its secret, to be entered into the device
 */
public record NewDoorDevice(DoorDevice device, String secret) {

	@Override
	public String toString() {
		// never in a log
		return "NewDoorDevice[" + this.device.id() + "]";
	}

}
